import cluster from 'node:cluster';

/** What a cluster primary sends its workers when they are to drain and exit. */
export const STOP_MESSAGE = 'tidelink:stop';

type Reason = Record<string, unknown>;
let asked: Reason | null = null;
let onStop: ((reason: Reason) => void) | null = null;
const ask = (reason: Reason) => {
  if (onStop) onStop(reason);
  else asked ??= reason;
};

/*
 * Imported first by the gateway's entry point, so that it holds from the worker's first moment: only
 * the primary decides when a worker stops (a STOP_MESSAGE, or the primary gone). Signals are ignored:
 * Ctrl-C reaches the whole process group, and a worker still loading its modules would otherwise die
 * of it, or one already draining be told twice.
 */
if (cluster.isWorker) {
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  process.on('message', (message) => {
    if (message === STOP_MESSAGE) ask({ reason: 'primary asked' });
  });
  process.on('disconnect', () => ask({ reason: 'primary gone' }));
}

/** Runs `stop` when the primary asks (at once if it already has). */
export function stopWhenPrimaryAsks(stop: (reason: Reason) => void): void {
  onStop = stop;
  if (asked) stop(asked);
}
