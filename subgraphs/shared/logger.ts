import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout. Personal data is never passed to the logger: only ids, codes and timings. */
export function createLogger(name: string, level: string): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
