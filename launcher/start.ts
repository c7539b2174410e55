// First: tracing must be registered before http, pg and express are loaded.
import '../platform/instrument.js';
import 'reflect-metadata';
import { loadConfigOrExit } from '../platform/config.js';
import { stopOnSignals } from '../platform/lifecycle.js';
import { createLogger } from '../platform/logger.js';
import { startStack } from './stack.js';

/** `npm start`: the gateway and the three subgraphs in one process. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('tidelink', config.LOG_LEVEL, config.LOG_FILE);
  const startedAt = performance.now();
  try {
    const stack = await startStack(config);
    logger.info(
      { gateway: stack.gateway.url, embeddedPostgres: stack.embedded !== null, startupMs: Math.round(performance.now() - startedAt) },
      'Tidelink ready',
    );
    stopOnSignals(() => stack.stop(), logger);
  } catch (error) {
    logger.fatal({ err: error }, 'Tidelink failed to start');
    process.exit(1);
  }
}

void main();
