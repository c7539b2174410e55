import pino, { type Logger } from 'pino';

export type { Logger };

const files = new Map<string, pino.DestinationStream>();

/**
 * JSON logs on stdout, or appended to `file` (LOG_FILE). Personal data is never passed to the
 * logger: only ids, codes and timings.
 */
export function createLogger(name: string, level: string, file?: string): Logger {
  const options = { name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime };
  if (!file) return pino(options);
  let destination = files.get(file);
  if (!destination) {
    destination = pino.destination({ dest: file, sync: true, mkdir: true });
    files.set(file, destination);
  }
  return pino(options, destination);
}
