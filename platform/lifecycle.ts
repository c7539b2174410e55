import type { Logger } from './logger.js';
import { stopTracing } from './tracing.js';

/**
 * Runs `stop` once (drain requests, close pools, stop the embedded database), flushes the spans not
 * yet exported (when tracing is on), then exits; asked again while stopping, exits at once.
 */
export function stopOnce(stop: () => Promise<void>, logger: Logger): (why: Record<string, unknown>) => void {
  let stopping = false;
  return (why) => {
    if (stopping) {
      logger.warn(why, 'asked again while stopping: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info(why, 'stopping');
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
}

/** Stops cleanly on SIGINT/SIGTERM; a second signal forces the exit. */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  const stopNow = stopOnce(stop, logger);
  process.on('SIGINT', (signal) => stopNow({ signal }));
  process.on('SIGTERM', (signal) => stopNow({ signal }));
}
