import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { AGENCIES, mintToken, type Agency } from '../platform/auth.js';
import { loadConfigOrExit, type Config } from '../platform/config.js';
import { DENIAL_REASONS } from '../platform/errors.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import { dropDatabase, SUBGRAPH_NAMES, subgraphDatabaseUrl, type SubgraphName } from '../subgraphs/shared/database.js';
import { freePort, openRunServer, prepareData, rssMb, waitFor } from './processes.js';

// `npm run soak`: the whole stack as separate processes under 32 clients of the six agencies for
// minutes, then what a short test cannot see: errors that only come with time, memory that creeps,
// connections that leak, writes doubled or half made. Not part of `npm test` (it takes ten minutes).

const FOLLOW_CASE = readFileSync(path.join(PROJECT_ROOT, 'test', 'queries', 'follow-case.graphql'), 'utf8');
const Q = {
  followCase: FOLLOW_CASE,
  cases: `query Cases($first: Int!) { cases(first: $first) { totalCount nodes { id reference status leadCountry } } }`,
  statistics: `query Statistics { detectionStatistics(groupBy: [DETECTING_COUNTRY]) { k buckets { detectingCountry suppressed detections } } }`,
  search: `query Search($text: String!) { search(text: $text, first: 10) { totalCount edges { score node { __typename ... on Case { id reference } } } } }`,
  links: `query Links($first: Int!) { cases(first: $first) { nodes { id links { case { reference } } } } }`,
  openCase: `mutation OpenCase($input: OpenCaseInput!, $key: String) { openCase(input: $input, idempotencyKey: $key) { id } }`,
  recordDetection: `mutation RecordDetection($input: RecordDetectionInput!, $key: String) { recordDetection(input: $input, idempotencyKey: $key) { id } }`,
  addSuspect: `mutation AddSuspect($input: AddSuspectInput!, $key: String) { addSuspect(input: $input, idempotencyKey: $key) { id } }`,
  registerMigrant: `mutation RegisterMigrant($input: RegisterMigrantInput!, $key: String) { registerMigrant(input: $input, idempotencyKey: $key) { id } }`,
  createMlaRequest: `mutation CreateMlaRequest($input: CreateMlaRequestInput!, $key: String) { createMlaRequest(input: $input, idempotencyKey: $key) { id } }`,
} as const;
type Operation = keyof typeof Q;
const WRITES = ['openCase', 'recordDetection', 'addSuspect', 'registerMigrant', 'createMlaRequest'] as const;
type Write = (typeof WRITES)[number];
const isWrite = (operation: Operation): operation is Write => (WRITES as readonly string[]).includes(operation);

/** Where each write lands: its subgraph and table, for the SQL checks. */
const WRITE_TABLES: Record<Write, { subgraph: SubgraphName; table: string }> = {
  openCase: { subgraph: 'police', table: 'cases' },
  recordDetection: { subgraph: 'police', table: 'detections' },
  addSuspect: { subgraph: 'police', table: 'suspects' },
  registerMigrant: { subgraph: 'assistance', table: 'migrants' },
  createMlaRequest: { subgraph: 'prosecution', table: 'mla_requests' },
};

const SEARCH_TEXTS = ['capitan', 'Mona Passage', 'Bahía de Samaná', 'DOM-2026-0142', 'Caicos Bank', 'SOAK', 'Organiser 7'];
const COUNTRIES = ['DOM', 'USA'] as const;

/**
 * Each agency's mix (relative weights). Writers write about one request in four; the others also try
 * a write now and then, to keep the refusal path under load too (their FORBIDDEN is expected).
 */
const MIX: Record<Agency, Partial<Record<Operation, number>>> = {
  POLICE: { followCase: 4, cases: 2, statistics: 1, search: 2, links: 1, openCase: 1, recordDetection: 2, addSuspect: 1 },
  IOM: { followCase: 4, cases: 2, statistics: 1, search: 2, links: 1, registerMigrant: 3 },
  PROSECUTOR: { followCase: 4, cases: 2, statistics: 1, search: 2, links: 1, createMlaRequest: 3 },
  ANALYST: { followCase: 3, cases: 2, statistics: 3, search: 2, links: 1, openCase: 1 },
  PARTNER: { followCase: 3, cases: 2, statistics: 3, search: 1, links: 1, registerMigrant: 1 },
  AUDITOR: { followCase: 3, cases: 2, statistics: 1, search: 1, links: 1, createMlaRequest: 1 },
};

/**
 * FORBIDDEN as the policy says it (README "who sees what"): writes by an agency that may not
 * write them, search by partners and auditors, statistics by auditors, and a field withheld for
 * one of the policy's reasons (ROLE, CONSENT_REQUIRED, HANDLING_RESTRICTED, NOT_RELEASABLE: the
 * owner decided). Every other error code, a writer refused its own write, and a FORBIDDEN without
 * a reason, are soak failures; the report lists each kind of denial seen, to be read. Hits (a
 * record outside the reader's share) come back as data, not as errors.
 */
const WRITERS: Record<Write, Agency> = {
  openCase: 'POLICE',
  recordDetection: 'POLICE',
  addSuspect: 'POLICE',
  registerMigrant: 'IOM',
  createMlaRequest: 'PROSECUTOR',
};
function expectedDenial(operation: Operation, agency: Agency, code: string, reason: unknown): boolean {
  if (code !== 'FORBIDDEN') return false;
  if (isWrite(operation)) return WRITERS[operation] !== agency;
  if (operation === 'search' && (agency === 'PARTNER' || agency === 'AUDITOR')) return true;
  if (operation === 'statistics' && agency === 'AUDITOR') return true;
  return (DENIAL_REASONS as readonly unknown[]).includes(reason);
}

export interface SoakOptions {
  minutes: number;
  clients: number;
  cases: number;
  /** Seconds between RSS and pool samples. */
  sampleSeconds: number;
  /** A memory slope over the second half above this (MB per minute, growing) fails the soak. */
  rssSlopeLimit: number;
  /** False (the smoke test): print nothing and leave bench/results/soak-latest.md alone. */
  writeResults: boolean;
}

function options(): SoakOptions {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '10' },
      clients: { type: 'string', default: '32' },
      cases: { type: 'string', default: '300' },
      'sample-seconds': { type: 'string', default: '3' },
      'rss-slope-limit': { type: 'string', default: '2' },
    },
  });
  const parsed: SoakOptions = {
    minutes: Number(values.minutes),
    clients: Number(values.clients),
    cases: Number(values.cases),
    sampleSeconds: Number(values['sample-seconds']),
    rssSlopeLimit: Number(values['rss-slope-limit']),
    writeResults: true,
  };
  if (
    !(parsed.minutes > 0) ||
    !Number.isInteger(parsed.clients) ||
    parsed.clients < AGENCIES.length ||
    !Number.isInteger(parsed.cases) ||
    parsed.cases < 10 ||
    !(parsed.sampleSeconds > 0) ||
    !(parsed.rssSlopeLimit > 0)
  ) {
    process.stderr.write(
      'Usage: npm run soak -- [--minutes N (or SOAK_MINUTES)] [--clients N (≥6)] [--cases N (≥10)] [--sample-seconds S] [--rss-slope-limit MB/min]\n',
    );
    process.exit(2);
  }
  return parsed;
}

type GraphQLAnswer = {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; reason?: unknown } }>;
};

interface OperationStats {
  requests: number;
  ok: number;
  expectedDenials: number;
  unexpected: number;
  latencies: number[];
}

/** What the clients saw, for the report and the SQL checks. */
class Tally {
  readonly byOperation = new Map<string, OperationStats>();
  /** Unexpected errors by code, with one example message each. */
  readonly unexpected = new Map<string, { count: number; example: string }>();
  /** Expected denials by kind (operation, agency, country, path, reason), for the report. */
  readonly denials = new Map<string, number>();
  /** Successful keyed writes: key → the id answered. */
  readonly writes = new Map<string, { operation: Write; id: string }>();
  /** Retries of a key already answered: same id or not. */
  retriesSameId = 0;
  retriesOtherId = 0;

  stats(operation: string): OperationStats {
    let stats = this.byOperation.get(operation);
    if (!stats) {
      stats = { requests: 0, ok: 0, expectedDenials: 0, unexpected: 0, latencies: [] };
      this.byOperation.set(operation, stats);
    }
    return stats;
  }

  fail(code: string, example: string): void {
    const entry = this.unexpected.get(code) ?? { count: 0, example };
    entry.count += 1;
    this.unexpected.set(code, entry);
  }
}

/** Deterministic per client, so two runs ask alike (xorshift32). */
function random(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function pick<T extends string>(weights: Partial<Record<T, number>>, next: () => number): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [name, weight] of entries) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return entries[entries.length - 1][0];
}

interface SoakClient {
  index: number;
  agency: Agency;
  country: (typeof COUNTRIES)[number];
  token: string;
}

/** Cases IOM may register migrants in (the seeded ones, then the soak's own), and each country's prosecutions. */
interface Targets {
  cases: Record<(typeof COUNTRIES)[number], string[]>;
  prosecutions: Record<(typeof COUNTRIES)[number], string[]>;
}

/**
 * One client's loop: a request at a time, until the deadline. Plain fetch (undici, keep-alive)
 * rather than autocannon: each client needs its own token, a mix of operations whose inputs
 * depend on earlier answers (a detection in a case it opened), and every answer's GraphQL errors
 * read and classified; autocannon counts only non-2xx statuses and sends fixed bodies.
 */
async function runClient(
  client: SoakClient,
  gatewayUrl: string,
  deadline: number,
  ids: string[],
  targets: Targets,
  runId: string,
  tally: Tally,
): Promise<void> {
  const next = random(0x9e3779b9 ^ (client.index * 2654435761));
  const ownCases: string[] = [];
  let written = 0;
  let lastWrite: { operation: Write; variables: Record<string, unknown>; key: string } | null = null;
  const post = async (operation: Operation, variables: Record<string, unknown>): Promise<GraphQLAnswer | null> => {
    const stats = tally.stats(`${operation} (${client.agency})`);
    stats.requests += 1;
    const started = performance.now();
    let status = 0;
    let answer: GraphQLAnswer | null = null;
    try {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}` },
        body: JSON.stringify({ query: Q[operation], variables }),
      });
      status = response.status;
      answer = (await response.json()) as GraphQLAnswer;
    } catch (error) {
      stats.unexpected += 1;
      tally.fail(status ? `HTTP_${status}` : 'NETWORK', error instanceof Error ? error.message : String(error));
      return null;
    }
    stats.latencies.push(performance.now() - started);
    const codes = (answer.errors ?? []).map((error) => ({
      code: error.extensions?.code ?? `HTTP_${status}`,
      reason: error.extensions?.reason,
      message: error.message,
      path: (error.path ?? []).filter((part) => typeof part === 'string').join('.'),
    }));
    if (codes.length === 0 && status === 200) {
      stats.ok += 1;
      return answer;
    }
    const bad = codes.filter(({ code, reason }) => !expectedDenial(operation, client.agency, code, reason));
    for (const denial of codes.filter((c) => !bad.includes(c))) {
      const kind = `${operation} | ${client.agency} ${client.country} | ${denial.path || '(root)'} | ${typeof denial.reason === 'string' ? denial.reason : '–'}`;
      tally.denials.set(kind, (tally.denials.get(kind) ?? 0) + 1);
    }
    if (bad.length === 0 && codes.length > 0) stats.expectedDenials += 1;
    else {
      stats.unexpected += 1;
      for (const { code, message } of bad.length > 0 ? bad : [{ code: `HTTP_${status}`, message: 'no errors' }])
        tally.fail(code, `${operation} as ${client.agency} ${client.country}: ${message}`);
    }
    return answer;
  };

  const writeVariables = (operation: Write): Record<string, unknown> | null => {
    const n = written;
    const countryCases = targets.cases[client.country];
    switch (operation) {
      case 'openCase':
        return {
          input: {
            reference: `SOAK-${runId.toUpperCase()}-${client.index}-${n}`,
            leadCountry: client.country,
            offences: ['SMUGGLING_OF_MIGRANTS'],
          },
        };
      case 'recordDetection': {
        // In a case of its own (opened first if none yet): many clients on one case would measure its lock.
        const caseId = ownCases[Math.floor(next() * ownCases.length)];
        if (!caseId) return null;
        return {
          input: {
            caseId,
            detectedAt: new Date(Date.now() - Math.floor(next() * 30 * 86_400_000)).toISOString(),
            seaArea: 'Mona Passage',
            position: { latitude: 18 + next(), longitude: -68 + next() },
            detectingCountry: client.country,
            outcome: 'INTERCEPTED',
            personsOnBoard: 5 + Math.floor(next() * 40),
            deaths: 0,
          },
        };
      }
      case 'addSuspect': {
        // In a case of its own (opened first if none yet): many clients on one case would measure its lock.
        const caseId = ownCases[Math.floor(next() * ownCases.length)];
        if (!caseId) return null;
        return { input: { caseId, alias: `Soak ${client.index}-${n}`, role: 'CREW' } };
      }
      case 'registerMigrant': {
        const pool = countryCases.length > 0 ? countryCases : targets.cases.DOM;
        return { input: { caseId: pool[Math.floor(next() * pool.length)], sex: next() < 0.5 ? 'MALE' : 'FEMALE', ageGroup: 'AGE_26_47' } };
      }
      case 'createMlaRequest': {
        // A prosecutor requests assistance in its own State's proceedings only.
        const prosecutions = targets.prosecutions[client.country];
        if (prosecutions.length === 0) return null;
        return {
          input: {
            prosecutionId: prosecutions[Math.floor(next() * prosecutions.length)],
            type: 'EVIDENCE',
            requestedCountry: client.country === 'DOM' ? 'USA' : 'DOM',
            subject: `Soak request ${client.index}-${n}`,
          },
        };
      }
    }
  };

  while (Date.now() < deadline) {
    // One write in ten that was answered is sent again with its key, as a client does after a timeout.
    if (lastWrite && next() < 0.1) {
      const { operation, variables, key } = lastWrite;
      const answer = await post(operation, { ...variables, key });
      const id = (answer?.data?.[operation] as { id?: string } | null | undefined)?.id;
      if (id) {
        if (tally.writes.get(key)?.id === id) tally.retriesSameId += 1;
        else tally.retriesOtherId += 1;
      }
      lastWrite = null;
      continue;
    }
    const operation = pick(MIX[client.agency], next);
    if (!isWrite(operation)) {
      const variables: Record<string, unknown> =
        operation === 'followCase'
          ? { id: ids[Math.floor(next() * ids.length)] }
          : operation === 'search'
            ? { text: SEARCH_TEXTS[Math.floor(next() * SEARCH_TEXTS.length)] }
            : operation === 'cases' || operation === 'links'
              ? { first: operation === 'cases' ? 20 : 10 }
              : {};
      await post(operation, variables);
      continue;
    }
    // A detection or suspect before its police opened a case of their country: that case first.
    const wanted = writeVariables(operation);
    if (!wanted && client.agency !== 'POLICE') continue;
    const actual: Write = wanted ? operation : 'openCase';
    const variables = wanted ?? writeVariables('openCase');
    if (!variables) continue;
    const key = `soak-${runId}-${client.index}-${written}`;
    written += 1;
    let answer = await post(actual, { ...variables, key });
    // Unanswered (a timeout, a subgraph unavailable): retried with the same key, as a client should;
    // the first error still counts against the soak.
    for (let retry = 0; retry < 3 && unanswered(answer, actual); retry += 1) answer = await post(actual, { ...variables, key });
    const id = (answer?.data?.[actual] as { id?: string } | null | undefined)?.id;
    if (id) {
      tally.writes.set(key, { operation: actual, id });
      lastWrite = { operation: actual, variables, key };
      if (actual === 'openCase') {
        ownCases.push(id);
        targets.cases[client.country].push(id);
      }
    }
  }
}

/** No record and no refusal: the write may or may not have been made, so its key is sent again. */
function unanswered(answer: GraphQLAnswer | null, operation: Write): boolean {
  if (answer?.data?.[operation]) return false;
  const refused = ['FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'];
  return !(answer?.errors ?? []).some((error) => refused.includes(error.extensions?.code ?? ''));
}

/** Least squares slope of y over x. */
export function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * The lower envelope of a series from `from` on: each point's minimum over the `window` minutes
 * before it. V8 lets its heap grow to a multiple of what is live before a full collection, so a
 * server's RSS is a sawtooth of a hundred MB or so at this load; a leak lifts the troughs, and the
 * envelope follows the troughs.
 */
export function lowerEnvelope(points: Array<[number, number]>, from: number, window: number): Array<[number, number]> {
  return points
    .filter(([minute]) => minute >= from)
    .map(([minute]) => [minute, Math.min(...points.filter(([at]) => at >= minute - window && at <= minute).map(([, y]) => y))]);
}

/** Minutes of the troughs' window: longer than one sawtooth of the subgraphs' heaps at the soak's load (about two minutes). */
const TROUGH_WINDOW_MINUTES = 2.5;

function vmRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Where a process's resident memory is: the C library's heap (malloc's brk arena, `[heap]` in smaps)
 * and V8's live objects (heap used, from the process's own /metrics). RSS rising while both stay flat
 * is V8 holding on to pages it has freed; the malloc heap rising alone is native memory.
 */
function mallocHeapMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    let inHeap = false;
    let kb = 0;
    for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
      if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inHeap = line.endsWith('[heap]');
      else if (inHeap && line.startsWith('Rss:')) kb += Number(line.split(/\s+/)[1]);
    }
    return kb / 1024;
  } catch {
    return 0;
  }
}

async function v8HeapUsedMb(url: string, metricsToken: string): Promise<number | null> {
  try {
    const text = await (await fetch(url, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
    // Each server's registry labels its metrics with the service: nodejs_heap_size_used_bytes{service="police"} …
    const match = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)/m.exec(text);
    return match ? Number(match[1]) / 1024 / 1024 : null;
  } catch {
    return null;
  }
}

type PoolFigures = { in_use: number; idle: number; waiting: number };
async function poolFigures(url: string, metricsToken: string): Promise<PoolFigures | null> {
  try {
    const text = await (await fetch(url, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
    const figures: PoolFigures = { in_use: 0, idle: 0, waiting: 0 };
    for (const line of text.split('\n')) {
      const match = /^tidelink_db_pool_connections\{[^}]*state="(in_use|idle|waiting)"[^}]*\} (\S+)/.exec(line);
      if (match) figures[match[1] as keyof PoolFigures] = Number(match[2]);
    }
    return figures;
  } catch {
    return null;
  }
}

async function sessionsPerDatabase(serverUrl: string, databases: string[]): Promise<Record<string, number>> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string; sessions: number }>(
      '/* soak.sessions */ SELECT datname, count(*)::int AS sessions FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid() GROUP BY datname',
      [databases],
    );
    return Object.fromEntries(databases.map((name) => [name, rows.find((row) => row.datname === name)?.sessions ?? 0]));
  } finally {
    await client.end();
  }
}

async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function tableCounts(urls: Record<SubgraphName, string>): Promise<Record<Write, number>> {
  const counts = {} as Record<Write, number>;
  for (const write of WRITES) {
    const { subgraph, table } = WRITE_TABLES[write];
    counts[write] = await withDatabase(urls[subgraph], async (client) => {
      // The table name comes from WRITE_TABLES above, never from input.
      const { rows } = await client.query<{ count: number }>(`/* soak.count */ SELECT count(*)::int AS count FROM ${table}`);
      return rows[0].count;
    });
  }
  return counts;
}

export interface Check {
  name: string;
  passed: boolean;
  /** False: measured and shown, but too little to decide on. */
  judged?: boolean;
  detail: string;
}

/** The SQL checks: each key one record, each record its write row, as many new rows as answered writes. */
async function sqlChecks(urls: Record<SubgraphName, string>, runId: string, before: Record<Write, number>, tally: Tally): Promise<Check[]> {
  const checks: Check[] = [];
  const after = await tableCounts(urls);
  for (const write of WRITES) {
    const answered = [...tally.writes.values()].filter((entry) => entry.operation === write).length;
    const added = after[write] - before[write];
    checks.push({
      name: `${write}: rows added == writes answered`,
      passed: added === answered,
      detail: `${WRITE_TABLES[write].table} +${added}, answered ${answered}`,
    });
  }
  for (const subgraph of SUBGRAPH_NAMES) {
    const writes = [...tally.writes.entries()].filter(([, entry]) => WRITE_TABLES[entry.operation].subgraph === subgraph);
    await withDatabase(urls[subgraph], async (client) => {
      const { rows: keys } = await client.query<{ key: string; operation: string; result_id: string | null; keys: number }>(
        `/* soak.keys */ SELECT key, operation, result_id::text AS result_id, count(*) OVER (PARTITION BY key)::int AS keys
           FROM idempotency_keys WHERE key LIKE $1`,
        [`soak-${runId}-%`],
      );
      const byKey = new Map(keys.map((row) => [row.key, row]));
      const doubled = keys.filter((row) => row.keys > 1).length;
      const mismatched = writes.filter(([key, entry]) => byKey.get(key)?.result_id !== entry.id).length;
      // A key claimed without its record (or for an answer never given) is a partial write.
      const orphanKeys = keys.filter((row) => !tally.writes.has(row.key)).length;
      checks.push({
        name: `${subgraph}: each idempotency key one record, the id answered`,
        passed: doubled === 0 && mismatched === 0 && orphanKeys === 0,
        detail: `${keys.length} keys, ${writes.length} answered writes; doubled ${doubled}, other id ${mismatched}, without an answer ${orphanKeys}`,
      });
      const ids = writes.map(([, entry]) => entry.id);
      const { rows: missing } = await client.query<{ missing: number; rows: number }>(
        `/* soak.writeRows */ SELECT count(*) FILTER (WHERE NOT EXISTS (
             SELECT 1 FROM access_log a WHERE a.kind = 'WRITE' AND a.entity_id = w.id))::int AS missing,
           (SELECT count(*)::int FROM access_log a WHERE a.kind = 'WRITE' AND a.entity_id = ANY($1::uuid[])) AS rows
         FROM unnest($1::uuid[]) AS w(id)`,
        [ids],
      );
      checks.push({
        name: `${subgraph}: every record written has its access-log row`,
        passed: missing[0].missing === 0,
        detail: `${ids.length} records, ${missing[0].rows} write rows, ${missing[0].missing} without one`,
      });
      const { rows: reads } = await client.query<{ rows: number }>(
        `/* soak.readRows */ SELECT count(*)::int AS rows FROM access_log WHERE kind = 'READ' AND actor LIKE $1`,
        [`soak-${runId}-%`],
      );
      checks.push({
        name: `${subgraph}: gated reads left access-log rows`,
        passed: reads[0].rows > 0,
        detail: `${reads[0].rows} read rows by the soak's clients`,
      });
    });
  }
  await withDatabase(urls.police, async (client) => {
    // Partial: a detection or suspect of the soak whose case is gone (or a case without its reference).
    const { rows } = await client.query<{ orphans: number }>(
      `/* soak.orphans */ SELECT (
         (SELECT count(*) FROM detections d WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = d.case_id)) +
         (SELECT count(*) FROM suspects s WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = s.case_id)))::int AS orphans`,
    );
    checks.push({
      name: 'police: no detection or suspect without its case',
      passed: rows[0].orphans === 0,
      detail: `${rows[0].orphans} orphans`,
    });
  });
  checks.push({
    name: 'retries with the same key answered the first id',
    passed: tally.retriesOtherId === 0,
    detail: `${tally.retriesSameId} retries answered the same id, ${tally.retriesOtherId} another`,
  });
  return checks;
}

function spawnService(script: string, env: Record<string, string>, logFile: string): ChildProcess {
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', script)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  return child;
}

/** Lines at pino's error level or above (50 error, 60 fatal) in a process's log. */
function loggedErrors(logFile: string): string[] {
  try {
    return readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => /"level":(5|6)0\b/.test(line));
  } catch {
    return [];
  }
}

const percentile = (values: number[], q: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

export interface SoakResult {
  passed: boolean;
  checks: Check[];
  requests: number;
  writes: number;
}

export async function runSoak(config: Config, opts: SoakOptions): Promise<SoakResult> {
  const say = (text: string) => {
    if (opts.writeResults) process.stdout.write(text);
  };
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  // A database set of its own per run: the row counts before and after are the soak's alone.
  const postgres = await openRunServer(config.DATABASE_URL, {
    databaseName: `tidelink_soak_${runId}`,
    dataDir: '.data/soak-postgres',
    port: freePort,
    logger: 'soak',
  });
  const { embedded, server, runUrl: soakUrl } = postgres;
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphDatabaseUrl(name, { shared: soakUrl }) as string])) as Record<
    SubgraphName,
    string
  >;
  const databases = SUBGRAPH_NAMES.map((name) => decodeURIComponent(new URL(urls[name]).pathname.slice(1)));
  const children: Record<string, ChildProcess> = {};
  const logDir = path.join(tmpdir(), `tidelink-soak-${runId}`);
  mkdirSync(logDir, { recursive: true });
  try {
    say(`soak ${runId}: preparing ${opts.cases} cases…\n`);
    const ids = await prepareData(soakUrl, opts.cases);
    const targets: Targets = { cases: { DOM: [], USA: [] }, prosecutions: { DOM: [], USA: [] } };
    await withDatabase(urls.police, async (client) => {
      const { rows } = await client.query<{ id: string; lead_country: 'DOM' | 'USA' }>(
        "/* soak.countryCases */ SELECT id, lead_country FROM cases WHERE lead_country IN ('DOM','USA') ORDER BY opened_at DESC LIMIT 400",
      );
      for (const row of rows) targets.cases[row.lead_country].push(row.id);
    });
    await withDatabase(urls.prosecution, async (client) => {
      const { rows } = await client.query<{ id: string; jurisdiction: 'DOM' | 'USA' }>(
        "/* soak.countryProsecutions */ SELECT id, jurisdiction FROM prosecutions WHERE jurisdiction IN ('DOM','USA') LIMIT 400",
      );
      for (const row of rows) targets.prosecutions[row.jurisdiction].push(row.id);
    });

    const ports = { gateway: await freePort(), police: await freePort(), assistance: await freePort(), prosecution: await freePort() };
    const metricsToken = randomBytes(24).toString('hex');
    const common = {
      HOST: '127.0.0.1',
      SUBGRAPH_SIGNING_SECRET: config.SUBGRAPH_SIGNING_SECRET,
      METRICS_TOKEN: metricsToken,
      POLICE_URL: `http://127.0.0.1:${ports.police}/graphql`,
      ASSISTANCE_URL: `http://127.0.0.1:${ports.assistance}/graphql`,
      PROSECUTION_URL: `http://127.0.0.1:${ports.prosecution}/graphql`,
    };
    const logs = Object.fromEntries(['gateway', ...SUBGRAPH_NAMES].map((name) => [name, path.join(logDir, `${name}.log`)]));
    for (const name of SUBGRAPH_NAMES) {
      children[name] = spawnService(
        `subgraphs/${name}/main.js`,
        { ...common, DATABASE_URL: soakUrl, SEED_DEMO: 'false', [`${name.toUpperCase()}_PORT`]: String(ports[name]) },
        logs[name],
      );
    }
    for (const name of SUBGRAPH_NAMES) await waitFor(`http://127.0.0.1:${ports[name]}/ready`);
    children.gateway = spawnService('gateway/main.js', { ...common, PORT: String(ports.gateway) }, logs.gateway);
    await waitFor(`http://127.0.0.1:${ports.gateway}/ready`);
    const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;

    const clients: SoakClient[] = [];
    for (let index = 0; index < opts.clients; index += 1) {
      const agency = AGENCIES[index % AGENCIES.length];
      const country = COUNTRIES[Math.floor(index / AGENCIES.length) % COUNTRIES.length];
      clients.push({ index, agency, country, token: await mintToken(config, { subject: `soak-${runId}-${index}`, agency, country }) });
    }

    const sessionsBefore = await sessionsPerDatabase(server, databases);
    const countsBefore = await tableCounts(urls);
    const metricsUrl = (name: SubgraphName) => `http://127.0.0.1:${ports[name]}/metrics`;
    const poolsBefore = Object.fromEntries(
      await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await poolFigures(metricsUrl(n), metricsToken)] as const)),
    ) as Record<SubgraphName, PoolFigures | null>;

    const tally = new Tally();
    const started = Date.now();
    const deadline = started + opts.minutes * 60_000;
    const samples: Record<string, Array<[number, number]>> = { gateway: [], police: [], assistance: [], prosecution: [] };
    const mallocSamples: Record<string, Array<[number, number]>> = { gateway: [], police: [], assistance: [], prosecution: [] };
    const v8Samples: Record<string, Array<[number, number]>> = { gateway: [], police: [], assistance: [], prosecution: [] };
    const poolPeaks: Record<SubgraphName, PoolFigures> = {
      police: { in_use: 0, idle: 0, waiting: 0 },
      assistance: { in_use: 0, idle: 0, waiting: 0 },
      prosecution: { in_use: 0, idle: 0, waiting: 0 },
    };
    const sample = async () => {
      const minute = (Date.now() - started) / 60_000;
      // The gateway with its workers (GATEWAY_WORKERS > 1): ps sums the children; alone, /proc's VmRSS.
      samples.gateway.push([minute, Math.max(vmRssMb(children.gateway.pid), rssMb(children.gateway.pid))]);
      mallocSamples.gateway.push([minute, mallocHeapMb(children.gateway.pid)]);
      for (const name of SUBGRAPH_NAMES) {
        samples[name].push([minute, vmRssMb(children[name].pid)]);
        mallocSamples[name].push([minute, mallocHeapMb(children[name].pid)]);
        const heapUsed = await v8HeapUsedMb(metricsUrl(name), metricsToken);
        if (heapUsed !== null) v8Samples[name].push([minute, heapUsed]);
        const figures = await poolFigures(metricsUrl(name), metricsToken);
        if (figures)
          for (const state of ['in_use', 'idle', 'waiting'] as const)
            poolPeaks[name][state] = Math.max(poolPeaks[name][state], figures[state]);
      }
    };
    await sample();
    const sampler = setInterval(() => void sample(), opts.sampleSeconds * 1000);
    const progress = setInterval(() => {
      const requests = [...tally.byOperation.values()].reduce((sum, s) => sum + s.requests, 0);
      say(`  ${((Date.now() - started) / 60_000).toFixed(1)} min: ${requests} requests, ${tally.writes.size} writes\n`);
    }, 60_000);
    say(`soak: ${opts.clients} clients for ${opts.minutes} min…\n`);
    await Promise.all(clients.map((client) => runClient(client, gatewayUrl, deadline, ids, targets, runId, tally)));
    clearInterval(sampler);
    clearInterval(progress);
    const elapsedMinutes = (Date.now() - started) / 60_000;
    await sample();

    // Idle for a moment: whatever the pools still hold in use now is held by no request.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const poolsAfter = Object.fromEntries(
      await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await poolFigures(metricsUrl(n), metricsToken)])),
    ) as Record<SubgraphName, PoolFigures | null>;
    const sessionsAfter = await sessionsPerDatabase(server, databases);
    const checks = await sqlChecks(urls, runId, countsBefore, tally);

    // Error checks.
    const unexpectedTotal = [...tally.unexpected.values()].reduce((sum, entry) => sum + entry.count, 0);
    checks.unshift({
      name: 'no error but the expected denials',
      passed: unexpectedTotal === 0,
      detail:
        unexpectedTotal === 0
          ? 'none'
          : [...tally.unexpected].map(([code, { count, example }]) => `${code} ×${count} (e.g. ${example.slice(0, 160)})`).join('; '),
    });
    const logErrors = Object.fromEntries(Object.entries(logs).map(([name, file]) => [name, loggedErrors(file)]));
    const logErrorCount = Object.values(logErrors).reduce((sum, lines) => sum + lines.length, 0);
    checks.splice(1, 0, {
      name: 'no error logged by any process',
      passed: logErrorCount === 0,
      detail:
        logErrorCount === 0
          ? 'none'
          : Object.entries(logErrors)
              .filter(([, lines]) => lines.length > 0)
              .map(([name, lines]) => `${name} ${lines.length} (first: ${lines[0].slice(0, 200)})`)
              .join('; '),
    });

    // Memory: the slope over the second half (after warm-up), MB per minute.
    const half = elapsedMinutes / 2;
    const memory = Object.entries(samples).map(([name, points]) => {
      const secondHalf = points.filter(([minute]) => minute >= half);
      const v8 = v8Samples[name];
      return {
        name,
        start: points[0]?.[1] ?? 0,
        atHalf: secondHalf[0]?.[1] ?? 0,
        end: points[points.length - 1]?.[1] ?? 0,
        peak: Math.max(...points.map(([, mb]) => mb)),
        samples: points.length,
        mbPerMinute: slope(secondHalf),
        troughsPerMinute: slope(lowerEnvelope(points, half, TROUGH_WINDOW_MINUTES)),
        mallocEnd: mallocSamples[name].at(-1)?.[1] ?? 0,
        mallocPerMinute: slope(mallocSamples[name].filter(([minute]) => minute >= half)),
        v8End: v8.at(-1)?.[1] ?? null,
        v8TroughsPerMinute: v8.length > 0 ? slope(lowerEnvelope(v8, half, TROUGH_WINDOW_MINUTES)) : null,
      };
    });
    // Under two minutes the half is mostly one garbage collector's sawtooth: reported, not judged.
    const judged = half >= 2;
    const limit = opts.rssSlopeLimit;
    const notJudged = judged ? '' : '; not judged: run under 4 min';
    // A leak lifts memory; memory that falls over the second half was still settling (V8 giving back
    // heap it grew to at the peak of the load): reported as such, not failed.
    const falling = (perMinute: number) => (perMinute < -limit ? '; falling, not a leak' : '');
    for (const m of memory) {
      checks.push({
        name: `${m.name}: RSS not growing after warm-up (slope of the troughs ≤ ${limit} MB/min)`,
        passed: !judged || m.troughsPerMinute <= limit,
        judged,
        detail: `troughs ${m.troughsPerMinute.toFixed(2)} MB/min over the second half (lowest RSS of each ${TROUGH_WINDOW_MINUTES} min)${falling(m.troughsPerMinute)}; every sample ${m.mbPerMinute.toFixed(2)} MB/min (${m.samples} samples in all)${notJudged}`,
      });
      checks.push({
        name: `${m.name}: native memory not growing (malloc heap slope ≤ ${limit} MB/min)`,
        passed: !judged || m.mallocPerMinute <= limit,
        judged,
        detail: `${m.mallocPerMinute.toFixed(2)} MB/min${falling(m.mallocPerMinute)}, ${m.mallocEnd.toFixed(1)} MB at the end${notJudged}`,
      });
      if (m.v8TroughsPerMinute !== null)
        checks.push({
          name: `${m.name}: live JavaScript heap not growing (slope of V8 heap used's troughs ≤ ${limit} MB/min)`,
          passed: !judged || m.v8TroughsPerMinute <= limit,
          judged,
          detail: `${m.v8TroughsPerMinute.toFixed(2)} MB/min${falling(m.v8TroughsPerMinute)}, ${m.v8End?.toFixed(1)} MB used at the end${notJudged}`,
        });
    }

    // Connections: nothing in use or waiting once idle, the server's sessions within the pools.
    for (const name of SUBGRAPH_NAMES) {
      const after = poolsAfter[name];
      const database = databases[SUBGRAPH_NAMES.indexOf(name)];
      checks.push({
        name: `${name}: no connection leak`,
        passed:
          after !== null &&
          after.in_use === 0 &&
          after.waiting === 0 &&
          after.in_use + after.idle <= config.DATABASE_POOL_SIZE &&
          sessionsAfter[database] <= config.DATABASE_POOL_SIZE,
        detail: after
          ? `pool idle: in use ${after.in_use}, idle ${after.idle}, waiting ${after.waiting} (peak in use ${poolPeaks[name].in_use}, waiting ${poolPeaks[name].waiting}); sessions ${sessionsBefore[database]} → ${sessionsAfter[database]} (pool size ${config.DATABASE_POOL_SIZE})`
          : '/metrics did not answer',
      });
    }

    const failed = checks.filter((check) => !check.passed);
    const stats = [...tally.byOperation].sort(([a], [b]) => a.localeCompare(b));
    const totals = stats.reduce(
      (sum, [, s]) => ({
        requests: sum.requests + s.requests,
        ok: sum.ok + s.ok,
        denials: sum.denials + s.expectedDenials,
        unexpected: sum.unexpected + s.unexpected,
      }),
      { requests: 0, ok: 0, denials: 0, unexpected: 0 },
    );
    const markdown = [
      `# Tidelink soak (${new Date().toISOString()})`,
      '',
      `${opts.clients} clients (${AGENCIES.join(', ')}; DOM and USA) for ${elapsedMinutes.toFixed(1)} min against the gateway and three subgraphs as separate processes, ${opts.cases} synthetic cases plus the demo, ${embedded ? 'embedded PostgreSQL' : "DATABASE_URL's PostgreSQL"}; Node ${process.version}.`,
      '',
      `**${failed.length === 0 ? 'PASSED' : `FAILED (${failed.length} of ${checks.length} checks)`}**: ${totals.requests} requests (${(totals.requests / (elapsedMinutes * 60)).toFixed(1)} req/s), ${totals.ok} answered without error, ${totals.denials} expected denials, ${totals.unexpected} unexpected; ${tally.writes.size} records written.`,
      '',
      '| check | result | detail |',
      '|---|---|---|',
      ...checks.map(
        (check) =>
          `| ${check.name} | ${check.judged === false ? 'not judged' : check.passed ? 'pass' : '**FAIL**'} | ${check.detail.replace(/\|/g, '\\|')} |`,
      ),
      '',
      '| operation (agency) | requests | ok | expected denials | unexpected | median ms | p99 ms |',
      '|---|---|---|---|---|---|---|',
      ...stats.map(
        ([name, s]) =>
          `| ${name} | ${s.requests} | ${s.ok} | ${s.expectedDenials} | ${s.unexpected} | ${percentile(s.latencies, 0.5).toFixed(1)} | ${percentile(s.latencies, 0.99).toFixed(1)} |`,
      ),
      '',
      '| expected denial: operation \\| agency country \\| path \\| reason | count |',
      '|---|---|',
      ...[...tally.denials].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => `| ${kind.replace(/\|/g, '\\|')} | ${count} |`),
      '',
      `| process | RSS start MB | at half | end | peak | slope, second half (MB/min) | troughs' slope | malloc heap end MB | its slope | V8 heap used end MB | its troughs' slope |`,
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...memory.map(
        (m) =>
          `| ${m.name} | ${m.start.toFixed(1)} | ${m.atHalf.toFixed(1)} | ${m.end.toFixed(1)} | ${m.peak.toFixed(1)} | ${m.mbPerMinute.toFixed(2)} | ${m.troughsPerMinute.toFixed(2)} | ${m.mallocEnd.toFixed(1)} | ${m.mallocPerMinute.toFixed(2)} | ${m.v8End?.toFixed(1) ?? '–'} | ${m.v8TroughsPerMinute?.toFixed(2) ?? '–'} |`,
      ),
      '',
      `RSS sampled every ${opts.sampleSeconds} s from /proc/<pid>/status (VmRSS); the slope is a least-squares line over the second half of the run; the troughs' slope is that of the lower envelope (each sample's lowest value over the 2.5 min before it), which is what a leak lifts, since V8 lets the heap grow to several times what is live before it collects. Malloc heap: the "[heap]" mapping's resident size in /proc/<pid>/smaps (the C library's main arena: native memory); V8 heap used: nodejs_heap_size_used_bytes from each subgraph's /metrics (live JavaScript objects and garbage not yet collected). Pools from each subgraph's /metrics (tidelink_db_pool_connections) before the load: ${SUBGRAPH_NAMES.map((n) => `${n} ${JSON.stringify(poolsBefore[n])}`).join(', ')}.`,
      '',
    ].join('\n');
    if (opts.writeResults) {
      const dir = path.join(PROJECT_ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'soak-latest.md'), markdown);
      // Every sample, for a plot: minute, process, RSS, malloc heap, V8 heap used (MB).
      const csv = ['minute,process,rss_mb,malloc_heap_mb,v8_heap_used_mb'];
      for (const name of Object.keys(samples))
        samples[name].forEach(([minute, rss], index) => {
          const v8 = v8Samples[name].find(([at]) => at === minute)?.[1];
          csv.push(
            `${minute.toFixed(3)},${name},${rss.toFixed(1)},${(mallocSamples[name][index]?.[1] ?? 0).toFixed(1)},${v8?.toFixed(1) ?? ''}`,
          );
        });
      writeFileSync(path.join(dir, 'soak-memory.csv'), `${csv.join('\n')}\n`);
      say(`\n${markdown}\nWrote bench/results/soak-latest.md (process logs in ${logDir})\n`);
    }
    return { passed: failed.length === 0, checks, requests: totals.requests, writes: tally.writes.size };
  } finally {
    for (const child of Object.values(children)) child.kill('SIGTERM');
    await Promise.all(
      Object.values(children).map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) resolve();
            else {
              child.once('exit', () => resolve());
              setTimeout(resolve, 5000).unref();
            }
          }),
      ),
    );
    for (const url of Object.values(urls)) await dropDatabase(url).catch(() => undefined);
    await postgres.stop();
  }
}

if (require.main === module) {
  runSoak(loadConfigOrExit(), options()).then(
    ({ passed }) => process.exit(passed ? 0 : 1),
    (error: unknown) => {
      process.stderr.write(`soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
