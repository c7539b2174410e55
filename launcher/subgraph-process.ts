// First: tracing must be registered before http, pg and express are loaded.
import '../platform/instrument.js';
import 'reflect-metadata';
import { loadConfigOrExit } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { stopTracing } from '../platform/tracing.js';
import type { RunningSubgraph } from '../subgraphs/shared/subgraph-server.js';
import { STOP_SUBGRAPHS, type SubgraphProcessMessage, type SubgraphProcessStart } from './subgraph-protocol.js';
import { startSubgraphs } from './subgraphs.js';

/*
 * `npm start`'s second process: the three subgraphs, forked by launcher/start.ts, which runs the
 * gateway and the embedded PostgreSQL in its own. Two processes, so that the stack uses two cores as
 * the deployed services do, from one command still. It runs in a process group of its own (Ctrl-C
 * reaches the launcher only): the launcher stops it once the gateway has drained (STOP_SUBGRAPHS); a
 * launcher gone (its channel closed) or a SIGTERM sent here stops it too.
 */
const send = (message: SubgraphProcessMessage) => {
  if (process.connected) process.send?.(message);
};

const config = loadConfigOrExit();
const logger = createLogger('tidelink-subgraphs', config.LOG_LEVEL, config.LOG_FILE);
const started: RunningSubgraph[] = [];
let stopping: Promise<void> | null = null;

/**
 * Stops what started (each drains its requests and closes its pool), flushes spans, exits: 1 when
 * any of it failed, so that the launcher's "did not stop cleanly" check sees it.
 */
function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    let exitCode = code;
    const results = await Promise.allSettled(started.map((subgraph) => subgraph.stop()));
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        logger.error({ err: result.reason, subgraph: started[index].name }, 'a subgraph did not stop cleanly');
        exitCode = 1;
      }
    });
    try {
      await stopTracing();
    } catch (error) {
      logger.error({ err: error }, 'spans could not be flushed');
      exitCode = 1;
    }
    process.exit(exitCode);
  })();
  return stopping;
}

async function start({ databaseUrls, ports }: SubgraphProcessStart): Promise<void> {
  try {
    const { police, assistance, prosecution } = await startSubgraphs(config, databaseUrls, ports, started);
    send({ type: 'ready', urls: { police: police.url, assistance: assistance.url, prosecution: prosecution.url } });
  } catch (error) {
    logger.fatal({ err: error }, 'subgraphs failed to start');
    // Exit once the message has gone: an exit right after send() can drop it.
    const failed: SubgraphProcessMessage = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
    if (process.connected && process.send) process.send(failed, () => void stop(1));
    else await stop(1);
  }
}

process.on('message', (message: unknown) => {
  if (message === STOP_SUBGRAPHS) void stop(0);
  else if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'start')
    void start(message as SubgraphProcessStart);
});
process.on('SIGTERM', () => void stop(0));
process.on('disconnect', () => {
  if (!stopping) logger.warn('the launcher is gone: stopping the subgraphs');
  void stop(0);
});
