import type { Logger } from './logger.js';
import { stopTracing } from './tracing.js';

/**
 * Stops cleanly on SIGINT/SIGTERM: runs `stop` once (drain requests, close pools, stop the embedded
 * database), flushes the spans not yet exported (when tracing is on), then exits. A second signal
 * forces the exit.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Spans are flushed last, so those of the requests drained by `stop` are exported too.
    const exit = (code: number) => stopTracing().then(() => process.exit(code));
    void stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        return exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
