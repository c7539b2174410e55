import 'reflect-metadata';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { assistanceSubgraph } from '../subgraphs/assistance/assistance.subgraph.js';
import { seedSynthetic } from '../subgraphs/demo/synthetic.js';
import { policeSubgraph } from '../subgraphs/police/police.subgraph.js';
import { prosecutionSubgraph } from '../subgraphs/prosecution/prosecution.subgraph.js';
import { openDatabase, SUBGRAPH_NAMES, subgraphDatabaseUrl, type Database, type SubgraphName } from '../subgraphs/shared/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../subgraphs/shared/embedded-postgres.js';
import { createLogger } from '../platform/logger.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import { z } from 'zod';

// What the benchmark (run.ts) and the soak (soak.ts) share: their data, their processes, their probes.

/** The PostgreSQL server a run uses, and the URL of the run's own database on it. */
export interface RunServer {
  /** The embedded server, when DATABASE_URL is not set; null on DATABASE_URL's. */
  embedded: EmbeddedPostgres | null;
  /** The server's URL (its `postgres` database). */
  server: string;
  /** The same server, on the run's database (`databaseName`; the subgraphs' databases are named from it). */
  runUrl: string;
  /** Stops the embedded server, if one was started; DATABASE_URL's is left running. */
  stop(): Promise<void>;
}

/**
 * DATABASE_URL's server when set, else an embedded one on `dataDir` (its port asked for only then, so
 * that a free-port pick is not spent for nothing).
 */
export async function openRunServer(
  databaseUrl: string | undefined,
  options: {
    databaseName: string;
    dataDir: string;
    port: () => Promise<number> | number;
    logger: string;
    settings?: Record<string, string>;
  },
): Promise<RunServer> {
  const on = (server: string) => {
    const url = new URL(server);
    url.pathname = `/${options.databaseName}`;
    return url.toString();
  };
  if (databaseUrl) return { embedded: null, server: databaseUrl, runUrl: on(databaseUrl), stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    port: await options.port(),
    logger: createLogger(options.logger, 'warn'),
    settings: options.settings,
  });
  return { embedded, server: embedded.url, runUrl: on(embedded.url), stop: () => embedded.stop() };
}

/**
 * The benchmarks' server (run.ts, one-process.ts): embedded on basePort + 1180 with data in
 * .data/bench-postgres unless DATABASE_URL is set, pg_stat_statements preloaded so that the statements
 * and their execution time per request come from the server itself.
 */
export function openBenchServer(databaseUrl: string | undefined, basePort: number, databaseName: string): Promise<RunServer> {
  return openRunServer(databaseUrl, {
    databaseName,
    dataDir: '.data/bench-postgres',
    port: () => basePort + 1180,
    logger: 'bench',
    settings: { shared_preload_libraries: 'pg_stat_statements' },
  });
}

/** The benchmark's own databases (tidelink_bench_*), migrated, with the demo and N synthetic cases. */
export async function prepareData(benchUrl: string, cases: number): Promise<string[]> {
  const logger = createLogger('bench', 'warn');
  const modules = { police: policeSubgraph, assistance: assistanceSubgraph, prosecution: prosecutionSubgraph };
  const opened: Database[] = [];
  try {
    const sources = {} as Record<SubgraphName, DataSource>;
    for (const name of SUBGRAPH_NAMES) {
      const module = modules[name];
      const database = await openDatabase({
        url: subgraphDatabaseUrl(name, { shared: benchUrl }) as string,
        poolSize: 2,
        entities: module.entities,
        migrations: module.migrations,
        logger,
      });
      opened.push(database);
      await module.seedDemo(database.dataSource);
      sources[name] = database.dataSource;
    }
    const [{ count }] = await sources.police.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM cases');
    if (count < cases) await seedSynthetic(sources, cases - count, Date.now() % 100000);
    const rows: Array<{ id: string }> = await sources.police.query('SELECT id FROM cases ORDER BY opened_at DESC LIMIT 500');
    return rows.map((row) => row.id);
  } finally {
    await Promise.all(opened.map((database) => database.dataSource.destroy()));
  }
}

/** `nodeArgs` go before the script (--cpu-prof); `ipc` opens a channel to ask the process for its figures; `root` is whose build. */
export function startProcess(
  script: string,
  env: Record<string, string>,
  readyLine: RegExp,
  how: { nodeArgs?: string[]; ipc?: boolean; root?: string } = {},
): Promise<ChildProcess> {
  // `root`: another build of the project (bench --compare-with), its dist/ and its working directory.
  const root = how.root ?? PROJECT_ROOT;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(how.nodeArgs ?? []), path.join(root, 'dist', script)], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: how.ipc ? ['ignore', 'pipe', 'inherit', 'ipc'] : ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${output.slice(-500)}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}): ${output.slice(-500)}`)));
  });
}

export async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never became ready`);
}

/** The gateway's V8 heap in use, from its own /metrics: how much of its RSS is live JavaScript objects. */
export async function heapUsedMb(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const line = text.split('\n').find((l) => l.startsWith('nodejs_heap_size_used_bytes'));
  return line ? Math.round(Number(line.split(' ').pop()) / 1e6) : 0;
}

/** Resident memory of a process and its children (the gateway's workers), in MB. */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const rssKb = (of: string[]) => {
    try {
      return execFileSync('ps', ['-o', 'rss=', ...of], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .filter(Boolean)
        .reduce((sum, line) => sum + Number(line), 0);
    } catch {
      return 0;
    }
  };
  return Math.round((rssKb(['-p', String(pid)]) + rssKb(['--ppid', String(pid)])) / 1024);
}

/** A port free right now (the kernel's pick for port 0), for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The flags behind sharedBenchOptions, for node:util's parseArgs; each script gives its own defaults. */
export function sharedBenchFlags(defaults: { cases: number; duration: number; connections: number; rounds: number; basePort: number }) {
  return {
    cases: { type: 'string', default: String(defaults.cases) },
    duration: { type: 'string', default: String(defaults.duration) },
    connections: { type: 'string', default: String(defaults.connections) },
    rounds: { type: 'string', default: String(defaults.rounds) },
    // Two benches side by side (say, in two clones) need ports and an embedded server of their own.
    'base-port': { type: 'string', default: String(defaults.basePort) },
  } as const;
}

/** The values of sharedBenchFlags, named as sharedBenchOptions checks them. */
export function sharedBenchValues(values: { cases: string; duration: string; connections: string; rounds: string; 'base-port': string }) {
  return {
    cases: values.cases,
    duration: values.duration,
    connections: values.connections,
    rounds: values.rounds,
    basePort: values['base-port'],
  };
}

/**
 * The numeric options the bench scripts share, checked as the project checks its configuration
 * (zod, every problem listed): each script adds its own and prints its own usage line.
 */
export const sharedBenchOptions = {
  cases: z.coerce.number().int().min(10),
  duration: z.coerce.number().positive(),
  connections: z.coerce.number().int().min(1),
  rounds: z.coerce.number().int().min(1),
  basePort: z.coerce.number().int().min(1024).max(64000),
};

/**
 * Parses a script's options with `schema`, or prints every problem (by its flag: basePort is
 * --base-port, unless `flags` names it otherwise) and the usage line, and exits 2.
 */
export function benchOptionsOrExit<Schema extends z.ZodType>(
  schema: Schema,
  values: unknown,
  usage: string,
  flags: Record<string, string> = {},
): z.infer<Schema> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    process.stderr.write(`--${flags[key] ?? key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${issue.message}\n`);
  }
  process.stderr.write(usage);
  process.exit(2);
}
