import cluster, { type Worker } from 'node:cluster';
import { STOP_MESSAGE } from './worker-control.js';
import type { Logger } from '../platform/logger.js';

/** A worker whose channel is already closed is on its way out anyway. */
function tellToStop(worker: Worker | undefined): void {
  if (worker?.isConnected()) worker.send(STOP_MESSAGE);
}

/**
 * Runs the gateway in `count` worker processes that share one listening port (node:cluster), for
 * machines with cores to spare. Workers hold nothing a request depends on, so any of them may answer
 * any request. The primary only supervises: it replaces a worker that dies, and on SIGTERM/SIGINT
 * tells every worker to drain (workers ignore signals themselves), waits for them and exits 0; a
 * second signal kills them.
 */
export function superviseGatewayWorkers(count: number, logger: Logger): void {
  let stopping = false;
  const recentDeaths: number[] = [];
  const fork = (): Worker => cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // A worker that did not drain cleanly makes the whole stop a failure.
      if (code !== 0) process.exitCode = 1;
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
      for (const other of Object.values(cluster.workers ?? {})) tellToStop(other);
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    logger.error({ worker: worker.id, code, signal }, 'gateway worker died; starting another');
    fork();
  });
  let signalled = false;
  const onSignal = (received: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal: received }, 'second signal: killing the gateway workers');
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }
    signalled = true;
    stopping = true;
    logger.info({ signal: received, workers: Object.keys(cluster.workers ?? {}).length }, 'stopping gateway workers');
    for (const worker of Object.values(cluster.workers ?? {})) tellToStop(worker);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  for (let index = 0; index < count; index += 1) fork();
  logger.info({ workers: count }, 'gateway workers starting');
}
