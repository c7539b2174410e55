// First: tracing must be registered before http, pg and express are loaded.
import '../platform/instrument.js';
import 'reflect-metadata';
import { loadConfigOrExit } from '../platform/config.js';
import { stopOnSignals } from '../platform/lifecycle.js';
import { createLogger } from '../platform/logger.js';
import { startThreadedStack } from './threaded-stack.js';

/** `npm start`: the gateway and the three subgraphs in one process (each subgraph on a thread of its own). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('tidelink', config.LOG_LEVEL, config.LOG_FILE);
  const startedAt = performance.now();
  try {
    const stack = await startThreadedStack(config, (name, code) => {
      // A subgraph that dies leaves a stack that cannot answer: exit, so a supervisor restarts the whole.
      logger.fatal({ subgraph: name, code }, 'a subgraph thread exited');
      process.exit(1);
    });
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
