import pino, { type Logger } from 'pino';

export type { Logger };

/** Where an Authorization header could sit in a logged object, in either case. */
export const AUTHORIZATION_PATHS = ['authorization', 'Authorization'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const files = new Map<string, pino.DestinationStream>();

/**
 * JSON logs on stdout, or appended to `file` (LOG_FILE). Personal data is never passed to the
 * logger: only ids, codes and timings.
 */
export function createLogger(name: string, level: string, file?: string): Logger {
  const options = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Tidelink never logs headers, but a library's error or a future log line might carry a request's:
    // its bearer token must not land in a log, at the top or up to two levels down (`req.headers.authorization`).
    redact: { paths: AUTHORIZATION_PATHS, censor: '[redacted]' },
  };
  if (!file) return pino(options);
  let destination = files.get(file);
  if (!destination) {
    destination = pino.destination({ dest: file, sync: true, mkdir: true });
    files.set(file, destination);
  }
  return pino(options, destination);
}
