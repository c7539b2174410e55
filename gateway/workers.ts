import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../subgraphs/shared/logger.js';

/**
 * Runs the gateway in `count` worker processes that share one listening port (node:cluster), for
 * machines with cores to spare. Workers hold nothing a request depends on, so any of them may answer
 * any request. The primary only supervises: it replaces a worker that dies, and on SIGTERM/SIGINT
 * passes the signal on, waits for every worker to drain and exits 0.
 */
export function superviseGatewayWorkers(count: number, logger: Logger): void {
  let stopping = false;
  const recentDeaths: number[] = [];
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info('gateway workers stopped');
        process.exit(process.exitCode ?? 0);
      }
      return;
    }
    // A worker that cannot start (a taken port, a bad supergraph) would die again at once: give up.
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length > 0 && recentDeaths[0] < now - 10_000) recentDeaths.shift();
    if (recentDeaths.length > 3 * count) {
      logger.fatal({ deaths: recentDeaths.length }, 'gateway workers keep dying; stopping');
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    logger.error({ worker: worker.id, code, signal }, 'gateway worker died; starting another');
    fork();
  });
  const onSignal = (received: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal: received, workers: Object.keys(cluster.workers ?? {}).length }, 'stopping gateway workers');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  for (let index = 0; index < count; index += 1) fork();
  logger.info({ workers: count }, 'gateway workers starting');
}
