/**
 * Starts OpenTelemetry tracing when an OTLP endpoint is configured (tracing.ts). Every entry point
 * imports this module first: instrumentation patches http and pg only if it is registered before they
 * are loaded. Imports nothing that loads them.
 */
import { loadConfigOrExit } from './config.js';
import { createLogger } from './logger.js';
import { startTracing } from './tracing.js';

const config = loadConfigOrExit();
startTracing(config, createLogger('tracing', config.LOG_LEVEL, config.LOG_FILE));
