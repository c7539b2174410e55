import v8 from 'node:v8';
import type { Config } from '../platform/config.js';
import { cacheGatewayOperations } from './operation-cache.js';

/**
 * What a process that runs the gateway sets for the whole process, before the gateway starts. Called
 * by the entry points (gateway/main.ts, and the one-process stack that launcher/start.ts, the tests
 * and the benchmark start), not by startGateway: a module's function should not change its process.
 */
export function configureGatewayProcess(config: Config): void {
  // @apollo/gateway otherwise reports anonymous usage data to Apollo (and probes cloud metadata
  // endpoints to describe the host); Tidelink never phones home.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // Measured with npm run bench: under 32 clients V8 kept ~250 MB of heap for ~70 MB of live objects;
  // a growth factor of 2 keeps the gateway near 200 MB resident for a few percent more GC time.
  if (config.GATEWAY_HEAP_GROWTH_PERCENT > 0) v8.setFlagsFromString(`--heap-growing-percent=${config.GATEWAY_HEAP_GROWTH_PERCENT}`);
  // The executor's model of each operation, built once per document rather than per request.
  cacheGatewayOperations();
}

/** True once the process runs with Apollo's telemetry off (the variable @apollo/gateway reads). */
export function apolloTelemetryDisabled(): boolean {
  const value = process.env.APOLLO_TELEMETRY_DISABLED;
  return value === 'true' || value === '1';
}
