// First: tracing must be registered before http, pg and express are loaded (as in launcher/start.ts).
import '../platform/instrument.js';
import 'reflect-metadata';
import { startStack } from '../launcher/stack.js';
import { loadConfigOrExit } from '../platform/config.js';
import { stopOnSignals } from '../platform/lifecycle.js';
import { createLogger } from '../platform/logger.js';

/**
 * The whole stack on one event loop (launcher/stack.ts), as `npm start` ran it before it forked its
 * subgraphs into a second process: bench/one-process.ts measures it beside today's `npm start`.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('bench-stack', config.LOG_LEVEL, config.LOG_FILE);
  const stack = await startStack(config);
  stopOnSignals(() => stack.stop(), logger);
  process.stdout.write('stack ready\n');
}

void main();
