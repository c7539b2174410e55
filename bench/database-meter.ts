import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { StoreTotals } from './subgraphs.js';

const CLOCK_TICKS_PER_SECOND = 100;
/**
 * CPU time (user + system) a process has used so far, from /proc: the steadiest figure on a shared
 * machine, since it does not count time spent waiting for the other processes.
 */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are the 12th and 13th.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Where the database's work so far stands: CPU per server process, and statements and their time. */
export interface DatabaseSample {
  cpuMsByPid: Map<number, number>;
  /** pg_stat_statements' calls and total_exec_time over the bench's databases; null without it. */
  statements: { calls: number; executionMs: number } | null;
  /** The bench subgraph process's store layer (statements sent, ms waited for answers); null when not asked. */
  store: StoreTotals | null;
}

/** Per request answered, between two samples. */
export interface DatabasePerRequest {
  postgresCpuMs: number;
  /** From pg_stat_statements, else the store layer's (statementSource says which); null where neither was read. */
  statements: number | null;
  executionMs: number | null;
  storeStatements: number | null;
  storeWaitedMs: number | null;
}

export interface DatabaseMeter {
  /** Where statements and their execution time come from. */
  statementSource: 'pg_stat_statements' | 'store layer';
  /** Which server processes are counted. */
  processSource: string;
  sample(store?: ChildProcess): Promise<DatabaseSample>;
  perRequest(before: DatabaseSample, after: DatabaseSample, requests: number): DatabasePerRequest;
  close(): Promise<void>;
}

/** The store layer's totals from the bench subgraph process (bench/subgraphs.ts), over its IPC channel. */
function storeTotals(child: ChildProcess): Promise<StoreTotals | null> {
  if (!child.connected) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 5000);
    child.once('message', (message: StoreTotals) => {
      clearTimeout(timer);
      resolve(message);
    });
    child.send('store-totals');
  });
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * PostgreSQL's own cost for the bench's databases (those named `<prefix>_…`). The server processes:
 * with the embedded server (its data folder given), the postmaster and all its children, background
 * writers included; with a local server, the backends of the bench's databases (pg_stat_activity),
 * read from /proc (on this machine they run as user postgres, and /proc/<pid>/stat is readable).
 */
export async function openDatabaseMeter(serverUrl: string, prefix: string, embeddedDataDir: string | null): Promise<DatabaseMeter> {
  const client = new Client({ connectionString: serverUrl, application_name: 'tidelink-bench-meter' });
  await client.connect();
  // The meter's own backend is a child of the embedded postmaster too: left out.
  const [{ own }] = (await client.query<{ own: number }>('/* bench.meterBackend */ SELECT pg_backend_pid() AS own')).rows;
  const [{ loaded }] = (
    await client.query<{ loaded: boolean }>(
      "/* bench.pgStatStatementsLoaded */ SELECT current_setting('shared_preload_libraries') LIKE '%pg_stat_statements%' AS loaded",
    )
  ).rows;
  // The view lives in a database that has the extension; the counts it shows are the server's.
  if (loaded) await client.query('/* bench.pgStatStatements */ CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const pids = async (): Promise<number[]> => {
    if (embeddedDataDir) {
      const postmaster = Number(readFileSync(path.join(embeddedDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return [postmaster, ...childrenOf(postmaster)].filter((pid) => pid !== own);
    }
    const { rows } = await client.query<{ pid: number }>(
      '/* bench.backends */ SELECT pid FROM pg_stat_activity WHERE starts_with(datname, $1)',
      [`${prefix}_`],
    );
    return rows.map((row) => row.pid);
  };
  return {
    statementSource: loaded ? 'pg_stat_statements' : 'store layer',
    processSource: embeddedDataDir
      ? 'the embedded postmaster and its children (/proc)'
      : `the backends of ${prefix}_* (pg_stat_activity, /proc)`,
    async sample(store) {
      const cpuMsByPid = new Map((await pids()).map((pid) => [pid, cpuMs(pid)]));
      let statements: DatabaseSample['statements'] = null;
      if (loaded) {
        const [row] = (
          await client.query<{ calls: number; ms: number }>(
            `/* bench.statementTotals */ SELECT coalesce(sum(s.calls), 0)::float8 AS calls, coalesce(sum(s.total_exec_time), 0)::float8 AS ms
             FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE starts_with(d.datname, $1)`,
            [`${prefix}_`],
          )
        ).rows;
        statements = { calls: row.calls, executionMs: row.ms };
      }
      return { cpuMsByPid, statements, store: store ? await storeTotals(store) : null };
    },
    perRequest(before, after, requests) {
      const n = Math.max(requests, 1);
      // A backend that started during the run counts from zero; one that ended during it is lost (rare: pools keep theirs).
      let cpu = 0;
      for (const [pid, ms] of after.cpuMsByPid) cpu += ms - (before.cpuMsByPid.get(pid) ?? 0);
      const statements = before.statements && after.statements ? after.statements.calls - before.statements.calls : null;
      const executionMs = before.statements && after.statements ? after.statements.executionMs - before.statements.executionMs : null;
      const store = before.store && after.store ? after.store : null;
      const storeStatements = store && before.store ? round((store.statements - before.store.statements) / n) : null;
      const storeWaitedMs = store && before.store ? round((store.waitedMs - before.store.waitedMs) / n) : null;
      return {
        postgresCpuMs: round(cpu / n),
        // Without pg_stat_statements, the store layer's own count and timing stand in.
        statements: statements === null ? storeStatements : round(statements / n),
        executionMs: executionMs === null ? storeWaitedMs : round(executionMs / n),
        storeStatements,
        storeWaitedMs,
      };
    },
    close: () => client.end(),
  };
}
