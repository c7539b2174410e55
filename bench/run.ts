import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startStack } from '../launcher/stack.js';
import { mintToken } from '../platform/auth.js';
import { loadConfigOrExit, type Config } from '../platform/config.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/shared/database.js';
import { z } from 'zod';
import {
  benchOptionsOrExit,
  heapUsedMb,
  openBenchServer,
  prepareData,
  rssMb,
  sharedBenchFlags,
  sharedBenchOptions,
  sharedBenchValues,
  startProcess,
  waitFor,
} from './processes.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import { signRequest } from '../platform/request-signing.js';
import { monotonicUs, topSelfTime, type SelfTime, type Window } from './cpuprofile.js';
import { childrenOf, cpuMs, openDatabaseMeter, type DatabaseMeter, type DatabasePerRequest } from './database-meter.js';

export const FOLLOW_CASE = readFileSync(path.join(PROJECT_ROOT, 'test', 'queries', 'follow-case.graphql'), 'utf8');
const DEEP = `query Deep($first: Int!) { cases(first: $first) { nodes { id reference
  migrants { id code assistance { id type } } prosecution { id stage defendants { id suspect { id alias } charges { id verdict } } witnesses { id migrant { id code } } } } } }`;
/** A search as an analyst types it: by alias, case reference, sea area, network name or an identifier, text by text. */
const SEARCH = `query Search($text: String!) { search(text: $text, first: 20) { totalCount edges { score matched node { __typename
  ... on Case { id reference } ... on Suspect { id alias } ... on Person { id aliases } ... on Vessel { id vesselName: name } ... on SmugglingNetwork { id name } } } } }`;
const SEARCH_TEXTS = [
  'capitan',
  'Captain 42',
  'Organiser 7',
  'Mona Passage',
  'Bahía de Samaná',
  'DOM-2026-0142',
  'Red del Canal de la Mona',
  '+1 809 555 0142',
  '327004512',
  'Caicos Bank',
];
/**
 * The other cases each of a page of cases shares something with (Case.links, issue 14 item 3). Run
 * only when the schema has Case.links: a gateway without it refuses the query as invalid, and the
 * links figures are then reported as not measured.
 */
const LINKS = `query Links($first: Int!) { cases(first: $first) { nodes { id links { case { reference } } } } }`;

export interface BenchmarkOptions {
  cases: number;
  duration: number;
  connections: number;
  /** Database name prefix on the server (tidelink_bench → tidelink_bench_police, …). */
  databaseName: string;
  /**
   * First of twelve consecutive ports: gateway, police, assistance, prosecution, baseline, then
   * `npm start`'s four, the two Hive gateways, then the gateway with rate limits.
   */
  basePort: number;
  writeResults: boolean;
  /** GATEWAY_WORKERS for Tidelink's gateway. */
  gatewayWorkers: number;
  /** Rounds of the FollowCase runs, interleaved; the tables give their means. */
  rounds: number;
  /** Also profile (--cpu-prof) the gateway and the subgraphs under the varied FollowCase and the deep query. */
  profile?: boolean;
  /**
   * A quick partial run, printed and not written to results: `profile` only the profiles;
   * `gateways` only the varied FollowCase through ours, stock @apollo/gateway and Hive without
   * deduplication, and the deep query through ours and stock (gateway CPU per request and req/s);
   * `subgraphs` only the varied FollowCase (32 clients) and the deep query against our gateway, their
   * CPU per request and (with --profile) the profiles. For iterating; the full bench stays the source
   * of the recorded figures.
   */
  only?: 'profile' | 'gateways' | 'subgraphs';
  /**
   * With `only subgraphs`: the root of another build of the project (its dist/ built), whose subgraph process
   * runs beside ours on the same data, behind a second gateway of ours, the runs interleaved: before
   * and after in one run, on the same machine at the same time.
   */
  compareWith?: string;
}

/**
 * Issue 15's starting point, measured on this machine on 2026-12-01 (3,000 cases, 32 clients; the
 * issue's text): subgraph CPU per varied FollowCase and per deep cases(first: 100). The goals divide
 * today's run by these; a ratio across runs on a shared machine is rough, so read it with that run's
 * own figures beside it.
 */
const ISSUE_15_BASELINE = { subgraphCpuMsPerFollowCase: 11.1, subgraphCpuMsPerDeep100: 107 } as const;

export type Ports = {
  gateway: number;
  police: number;
  assistance: number;
  prosecution: number;
  baseline: number;
  oneProcess: number;
  hive: number;
  hiveNoDedup: number;
  limitedGateway: number;
};
export const portsFrom = (base: number): Ports => ({
  gateway: base,
  police: base + 1,
  assistance: base + 2,
  prosecution: base + 3,
  baseline: base + 4,
  oneProcess: base + 5,
  hive: base + 9,
  hiveNoDedup: base + 10,
  limitedGateway: base + 11,
});
/** The measured gateways count no budget, except the one run to measure what counting costs. */
export const NO_LIMITS = { RATE_LIMIT_REQUESTS_PER_MINUTE: '0', RATE_LIMIT_COST_PER_MINUTE: '0' };
/** Budgets no run reaches (the runs use one token): every request is counted, none refused. */
const UNREACHED_LIMITS = { RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000000', RATE_LIMIT_COST_PER_MINUTE: '1000000000' };
/** Ports for `npm start`'s processes: its gateway, then its three subgraphs. */
export const oneProcessPorts = (ports: Ports) => ({
  PORT: String(ports.oneProcess),
  POLICE_PORT: String(ports.oneProcess + 1),
  ASSISTANCE_PORT: String(ports.oneProcess + 2),
  PROSECUTION_PORT: String(ports.oneProcess + 3),
});

function options(): BenchmarkOptions {
  const { values } = parseArgs({
    options: {
      ...sharedBenchFlags({ cases: 3000, duration: 10, connections: 32, rounds: 2, basePort: 4310 }),
      workers: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
      only: { type: 'string' },
      'compare-with': { type: 'string' },
    },
  });
  const parsed = benchOptionsOrExit(
    z
      .object({
        ...sharedBenchOptions,
        gatewayWorkers: z.coerce.number().int().min(1),
        profile: z.boolean(),
        only: z.enum(['profile', 'gateways', 'subgraphs']).optional(),
        compareWith: z.string().optional(),
      })
      .refine(
        (options) =>
          options.compareWith === undefined ||
          (options.only === 'subgraphs' && existsSync(path.join(options.compareWith, 'dist', 'bench', 'subgraphs.js'))),
        { path: ['compare-with'], error: 'needs --only subgraphs and the root of a built project (its dist/bench/subgraphs.js)' },
      ),
    {
      ...sharedBenchValues(values),
      gatewayWorkers: values.workers,
      profile: values.profile,
      only: values.only,
      compareWith: values['compare-with'],
    },
    'Usage: npm run bench -- [--cases N (≥10)] [--duration seconds] [--connections N] [--workers N (GATEWAY_WORKERS)] [--rounds N] [--profile] [--base-port P (12 ports from P; embedded PostgreSQL on P + 1180)] [--only profile|gateways|subgraphs (a quick partial run, printed, nothing written to results)] [--compare-with DIR (with --only subgraphs: the root of another build, its subgraphs beside ours, interleaved)]\n',
    { gatewayWorkers: 'workers' },
  );
  return { ...parsed, databaseName: 'tidelink_bench', writeResults: true };
}

export interface LoadResult {
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

/**
 * A run with the CPU time each process spent on it, per request answered, and PostgreSQL's share:
 * its server processes' CPU, the statements and their execution time (null where not measured).
 */
export type MeasuredRun = LoadResult & { cpuMsPerRequest: Record<string, number>; database: DatabasePerRequest | null };

/** CPU time of a process and its children (the gateway's workers when GATEWAY_WORKERS > 1). */
function cpuMsWithChildren(pid: number | undefined): number {
  if (!pid) return 0;
  return cpuMs(pid) + childrenOf(pid).reduce((sum, child) => sum + cpuMs(child), 0);
}

/** The database meter of the run, and the bench subgraph process to ask for its store-layer counts. */
export interface DatabaseWatch {
  meter: DatabaseMeter;
  store?: ChildProcess;
}

/**
 * Every run once per round, in the same order each round, and the mean of the rounds: whatever the
 * shared machine is doing drifts over a minute, and no run always comes first or last.
 */
export async function interleaved<Name extends string>(
  runs: Record<Name, () => Promise<MeasuredRun>>,
  rounds: number,
): Promise<Record<Name, MeasuredRun>> {
  const results = new Map<Name, MeasuredRun[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of Object.entries(runs) as Array<[Name, () => Promise<MeasuredRun>]>)
      results.set(name, [...(results.get(name) ?? []), await run()]);
  }
  const mean = (values: number[]) => Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
  const meanOrNull = (values: Array<number | null>) => (values.some((value) => value === null) ? null : mean(values as number[]));
  const databaseMean = (measuredRuns: MeasuredRun[]): DatabasePerRequest | null => {
    const all = measuredRuns.map((r) => r.database);
    if (all.some((d) => d === null)) return null;
    const present = all as DatabasePerRequest[];
    return {
      postgresCpuMs: mean(present.map((d) => d.postgresCpuMs)),
      statements: meanOrNull(present.map((d) => d.statements)),
      executionMs: meanOrNull(present.map((d) => d.executionMs)),
      storeStatements: meanOrNull(present.map((d) => d.storeStatements)),
      storeWaitedMs: meanOrNull(present.map((d) => d.storeWaitedMs)),
    };
  };
  return Object.fromEntries(
    [...results].map(([name, measuredRuns]) => [
      name,
      {
        requestsPerSecond: mean(measuredRuns.map((r) => r.requestsPerSecond)),
        medianMs: mean(measuredRuns.map((r) => r.medianMs)),
        p99Ms: mean(measuredRuns.map((r) => r.p99Ms)),
        errors: measuredRuns.reduce((sum, r) => sum + r.errors, 0),
        requests: measuredRuns.reduce((sum, r) => sum + r.requests, 0),
        cpuMsPerRequest: Object.fromEntries(
          Object.keys(measuredRuns[0].cpuMsPerRequest).map((key) => [key, mean(measuredRuns.map((r) => r.cpuMsPerRequest[key]))]),
        ),
        database: databaseMean(measuredRuns),
      },
    ]),
  ) as Record<Name, MeasuredRun>;
}

export async function measured(
  pids: Record<string, number | undefined>,
  run: () => Promise<LoadResult>,
  database: DatabaseWatch | null,
): Promise<MeasuredRun> {
  const databaseBefore = database ? await database.meter.sample(database.store) : null;
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMsWithChildren(pid)]));
  const result = await run();
  const databaseAfter = database ? await database.meter.sample(database.store) : null;
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [
      name,
      result.requests > 0 ? Math.round(((cpuMsWithChildren(pid) - before[name]) / result.requests) * 100) / 100 : 0,
    ]),
  );
  return {
    ...result,
    cpuMsPerRequest,
    database:
      database && databaseBefore && databaseAfter ? database.meter.perRequest(databaseBefore, databaseAfter, result.requests) : null,
  };
}

/** autocannon against one GraphQL endpoint; `ids` varies the case of every request. */
export async function load(
  url: string,
  token: string,
  connections: number,
  duration: number,
  body: (id: string) => string,
  ids: string[],
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request) => {
          const id = ids[next % ids.length];
          next += 1;
          return { ...request, body: body(id) };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
  };
}

/**
 * Warms a path (JIT, pools, plan caches) until it has answered at least once: on a loaded machine a
 * process's first answers can take longer than one warm-up run.
 */
export async function warmUp(url: string, token: string, seconds: number, body: (id: string) => string, ids: string[]): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    if ((await load(url, token, 4, seconds, body, ids)).requests > 0) return;
  }
}

/** The floor: the subgraphs called directly along FollowCase's critical path (police, then assistance ∥ prosecution). */
async function criticalPath(PORTS: Ports, token: string, id: string, secret: string): Promise<void> {
  const post = async (port: number, query: string, variables: Record<string, unknown>) => {
    const authorization = `Bearer ${token}`;
    const body = JSON.stringify({ query, variables });
    // Signed as the gateway signs: the subgraphs answer nothing else (the floor pays one HMAC per call too).
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization,
        ...signRequest(secret, { method: 'POST', path: '/graphql', authorization, body }),
      },
      body,
    });
    if (!response.ok) throw new Error(`subgraph ${port}: ${response.status}`);
    await response.json();
  };
  await post(
    PORTS.police,
    `query($id: ID!) { case(id: $id) { id reference status leadCountry openedAt offences aggravations
      detections { id detectedAt seaArea outcome personsOnBoard deaths position { latitude longitude } vessel { id name type flagState registryStatus boardingAuthorization } }
      suspects { id alias nationality role } intelligence { id summary handlingCode sourceReliability informationAccuracy } } }`,
    { id },
  );
  const representations = [{ __typename: 'Case', id }];
  await Promise.all([
    post(
      PORTS.assistance,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { migrants { id code sex ageGroup nationality vulnerabilities traffickingStatus
        identity { givenName familyName dateOfBirth } assistance { id type status provider startedAt } } assistanceSummary { migrants minors unaccompaniedMinors traffickingVictims } } } }`,
      { r: representations },
    ),
    post(
      PORTS.prosecution,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { prosecution { id stage jurisdiction prosecutorOffice network
        defendants { id liability suspect { id } charges { id offence legalBasis verdict sentenceMonths } } witnesses { id role migrant { id } }
        mlaRequests { id type status requestingCountry requestedCountry } caseLaw { id citation jurisdiction year } } } } }`,
      { r: representations },
    ),
  ]);
}

async function floor(
  PORTS: Ports,
  token: string,
  ids: string[],
  connections: number,
  duration: number,
  secret: string,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let count = 0;
  let errors = 0;
  const until = performance.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      for (let i = worker; performance.now() < until; i += connections) {
        const started = performance.now();
        try {
          await criticalPath(PORTS, token, ids[i % ids.length], secret);
          latencies.push(performance.now() - started);
          count += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requestsPerSecond: count / duration, medianMs: at(0.5), p99Ms: at(0.99), errors, requests: count };
}

/** A sequential scan the planner chose for a hot statement, on a table of more than a few rows. */
interface SeqScan {
  subgraph: SubgraphName;
  statement: string;
  table: string;
  tableRows: number;
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };
function seqScansOf(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScansOf)];
}

/**
 * SQL statements per deep request (first: 10 and 100), and EXPLAIN of every read a FollowCase and
 * a deep cases(first: 100) request send: which ones scan a whole table of more than 1,000 rows
 * (for one case that means a missing index; for a batch of 100 it may be the planner's cheaper choice).
 */
async function sqlStatements(config: Config, benchUrl: string, token: string, caseId: string) {
  const stack = await startStack(
    { ...config, DATABASE_URL: benchUrl, SEED_DEMO: false, LOG_LEVEL: 'silent' },
    {
      ports: { gateway: 0, police: 0, assistance: 0, prosecution: 0 },
    },
  );
  const post = (query: string, variables: Record<string, unknown>) =>
    fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  try {
    const countsOf = async (query: string) => {
      const counts: Record<string, Record<SubgraphName, number>> = {};
      for (const first of [10, 100]) {
        for (const name of SUBGRAPH_NAMES) stack.subgraphs[name].database.statements.reset();
        await post(query, { first });
        counts[`first: ${first}`] = Object.fromEntries(
          SUBGRAPH_NAMES.map((name) => [name, stack.subgraphs[name].database.statements.count]),
        ) as Record<SubgraphName, number>;
      }
      return counts;
    };
    const counts = await countsOf(DEEP);
    const links = await hasLinks((query, variables) => post(query, variables));
    const explain = async (request: () => Promise<unknown>) => {
      for (const name of SUBGRAPH_NAMES) stack.subgraphs[name].database.statements.recorded = [];
      await request();
      const seqScans: SeqScan[] = [];
      let statements = 0;
      for (const name of SUBGRAPH_NAMES) {
        const { dataSource, statements: recorder } = stack.subgraphs[name].database;
        const reads = (recorder.recorded ?? []).filter((statement) => /^\s*(\/\*.*?\*\/\s*)?(SELECT|WITH)\b/is.test(statement.query));
        recorder.recorded = null;
        const tableRows = new Map<string, number>(
          (
            await dataSource.query<Array<{ relname: string; rows: string }>>(
              "/* bench.tableRows */ SELECT relname, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r'",
            )
          ).map((row) => [row.relname, Number(row.rows)]),
        );
        for (const statement of reads) {
          const [{ 'QUERY PLAN': plan }] = await dataSource.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
            `EXPLAIN (FORMAT JSON) ${statement.query}`,
            statement.parameters,
          );
          statements += 1;
          const statementName = /\/\*\s*([\w.:-]+)\s*\*\//.exec(statement.query)?.[1] ?? 'unnamed';
          for (const table of seqScansOf(plan[0].Plan)) {
            const rows = tableRows.get(table) ?? 0;
            if (rows > 1000) seqScans.push({ subgraph: name, statement: statementName, table, tableRows: rows });
          }
        }
      }
      return { statements, seqScansOnTablesOver1000Rows: seqScans };
    };
    return {
      counts,
      linksCounts: links ? await countsOf(LINKS) : null,
      explain: {
        followCase: await explain(() => post(FOLLOW_CASE, { id: caseId })),
        deep100: await explain(() => post(DEEP, { first: 100 })),
        search: await explain(() => post(SEARCH, { text: 'capitan' })),
        links20: links ? await explain(() => post(LINKS, { first: 20 })) : null,
      },
    };
  } finally {
    await stack.stop();
  }
}

/** Whether the gateway's schema has Case.links (helper work lands it separately): a probe that it accepts the query. */
async function hasLinks(post: (query: string, variables: Record<string, unknown>) => Promise<Response>): Promise<boolean> {
  const body = (await (await post(LINKS, { first: 1 })).json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return !(body.errors ?? []).some((error) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED');
}

/** Seeds, starts the processes, measures, and returns (and optionally writes) the results. */
/** Resolves once the child has exited (at once if it already has), or after 30 s. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Where the bench's processes find the subgraphs, and the secret they all sign or verify with. */
export type SubgraphUrls = { SUBGRAPH_SIGNING_SECRET: string; POLICE_URL: string; ASSISTANCE_URL: string; PROSECUTION_URL: string };

/** The three subgraphs' ports of one subgraph process. */
type SubgraphPorts = Pick<Ports, 'police' | 'assistance' | 'prosecution'>;

/** The SubgraphUrls of a subgraph process on these ports (loopback). */
export function benchSubgraphUrls(ports: SubgraphPorts, secret: string): SubgraphUrls {
  return {
    SUBGRAPH_SIGNING_SECRET: secret,
    POLICE_URL: `http://127.0.0.1:${ports.police}/graphql`,
    ASSISTANCE_URL: `http://127.0.0.1:${ports.assistance}/graphql`,
    PROSECUTION_URL: `http://127.0.0.1:${ports.prosecution}/graphql`,
  };
}

/** The three subgraphs in one process, with an IPC channel for the store layer's counts. */
export function startBenchSubgraphs(
  benchUrl: string,
  PORTS: SubgraphPorts,
  secret: string,
  nodeArgs: string[] = [],
  root?: string,
): Promise<ChildProcess> {
  return startProcess(
    'bench/subgraphs.js',
    {
      DATABASE_URL: benchUrl,
      POLICE_PORT: String(PORTS.police),
      ASSISTANCE_PORT: String(PORTS.assistance),
      PROSECUTION_PORT: String(PORTS.prosecution),
      // The reference checks (assistance and prosecution asking police whether a case is released to
      // the caller): without these every check failed as SERVICE_UNAVAILABLE, and the runs measured that.
      POLICE_URL: `http://127.0.0.1:${PORTS.police}/graphql`,
      ASSISTANCE_URL: `http://127.0.0.1:${PORTS.assistance}/graphql`,
      HOST: '127.0.0.1',
      SUBGRAPH_SIGNING_SECRET: secret,
    },
    /subgraphs ready/,
    { nodeArgs, ipc: true, root },
  );
}

/**
 * `npm start` as the benchmark starts it (dist/launcher/start.js, which forks its subgraph process;
 * on the oneProcess ports), against the bench's database; `nodeArgs` go before the script (--cpu-prof).
 */
export function startOneProcess(
  PORTS: Ports,
  databaseUrl: string,
  secret: string,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, path.join(PROJECT_ROOT, 'dist', 'launcher', 'start.js')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      SUBGRAPH_SIGNING_SECRET: secret,
      ...NO_LIMITS,
      ...oneProcessPorts(PORTS),
      ...env,
    },
    stdio: 'ignore',
  });
}

/**
 * Throws unless a FollowCase through `url` answers the case with no errors but the reader's own
 * denials (FORBIDDEN: a field its role may not see): autocannon counts only non-2xx answers, so a
 * run whose every answer carried, say, a subgraph's failure to reach its peer would otherwise be
 * measured as if it had done the work.
 */
export async function checkFollowCase(url: string, token: string, id: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: FOLLOW_CASE, variables: { id } }),
  });
  const body = (await response.json()) as { data?: { case?: unknown }; errors?: Array<{ extensions?: { code?: unknown } }> };
  const failures = (body.errors ?? []).filter((error) => error.extensions?.code !== 'FORBIDDEN');
  if (!response.ok || failures.length > 0 || !body.data?.case)
    throw new Error(
      `FollowCase through ${url} answered ${response.status}: ${JSON.stringify(failures.length ? failures : body).slice(0, 600)}`,
    );
}

/** Tidelink's gateway, as deployed (dist/gateway/main.js). */
export async function startTidelinkGateway(
  PORTS: Ports,
  workers: number,
  urls: SubgraphUrls,
  nodeArgs: string[] = [],
  limits: { port: number; env: Record<string, string> } = { port: PORTS.gateway, env: NO_LIMITS },
): Promise<ChildProcess> {
  const gateway = spawn(process.execPath, [...nodeArgs, path.join(PROJECT_ROOT, 'dist', 'gateway', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      PORT: String(limits.port),
      HOST: '127.0.0.1',
      GATEWAY_WORKERS: String(workers),
      ...limits.env,
      ...urls,
    },
    stdio: 'ignore',
  });
  await waitFor(`http://127.0.0.1:${limits.port}/ready`);
  return gateway;
}

/** The stock @apollo/gateway (bench/baseline-gateway.ts), on PORTS.baseline. */
function startBaselineGateway(PORTS: Ports, urls: SubgraphUrls): Promise<ChildProcess> {
  return startProcess('bench/baseline-gateway.js', { PORT: String(PORTS.baseline), ...urls }, /baseline ready/);
}

/** Hive Gateway (bench/hive-gateway.ts), with its request deduplication on PORTS.hive, without on PORTS.hiveNoDedup. */
function startHiveGateway(PORTS: Ports, urls: SubgraphUrls, deduplication: boolean): Promise<ChildProcess> {
  const port = deduplication ? PORTS.hive : PORTS.hiveNoDedup;
  return startProcess('bench/hive-gateway.js', { PORT: String(port), HIVE_DEDUPLICATION: String(deduplication), ...urls }, /hive ready/);
}

type ProfileSummary = Record<'followCaseVaried32' | 'deep100', Record<'gateway' | 'subgraphs', { busyMs: number; top: SelfTime[] }>>;

/**
 * `--profile`: the gateway and the subgraph process started again under `node --cpu-prof`, the varied
 * FollowCase then the deep query run against them, and each profile summarised over each run's own
 * stretch of time (start-up and the other run left out). The profiler's own cost stays out of the
 * measured runs, which are over before this starts.
 */
async function profileRuns(
  PORTS: Ports,
  benchUrl: string,
  urls: SubgraphUrls,
  token: string,
  ids: string[],
  opts: BenchmarkOptions,
  children: ChildProcess[],
): Promise<ProfileSummary> {
  const dir = path.join(PROJECT_ROOT, 'bench', 'results', 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const profiled = (name: string) => ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${name}.cpuprofile`];
  const subgraphs = await startBenchSubgraphs(benchUrl, PORTS, urls.SUBGRAPH_SIGNING_SECRET, profiled('subgraphs'));
  children.push(subgraphs);
  // One worker: the profile is of the process that serves.
  const gateway = await startTidelinkGateway(PORTS, 1, urls, profiled('gateway'));
  children.push(gateway);
  const ours = `http://127.0.0.1:${PORTS.gateway}/graphql`;
  const followCaseBody = (id: string) => JSON.stringify({ query: FOLLOW_CASE, variables: { id } });
  await warmUp(ours, token, Math.min(3, opts.duration), followCaseBody, ids);
  const followCaseWindow: Window = { fromUs: monotonicUs(), toUs: 0 };
  await load(ours, token, opts.connections, opts.duration, followCaseBody, ids);
  followCaseWindow.toUs = monotonicUs();
  const deepWindow: Window = { fromUs: monotonicUs(), toUs: 0 };
  await load(ours, token, 1, opts.duration, () => JSON.stringify({ query: DEEP, variables: { first: 100 } }), [ids[0]]);
  deepWindow.toUs = monotonicUs();
  // Each run's stretch beside the profiles, for reading them again with other tools.
  writeFileSync(path.join(dir, 'windows.json'), `${JSON.stringify({ followCaseVaried32: followCaseWindow, deep100: deepWindow })}\n`);
  // A clean exit writes the profiles.
  for (const child of [gateway, subgraphs]) child.kill('SIGTERM');
  await Promise.all([exited(gateway), exited(subgraphs)]);
  const file = (name: string) => {
    const found = readdirSync(dir).find((entry) => entry === `${name}.cpuprofile`);
    if (!found) throw new Error(`no ${name}.cpuprofile in ${dir}: the process did not exit cleanly`);
    return path.join(dir, found);
  };
  const summary = (window: Window) => ({
    gateway: topSelfTime(file('gateway'), PROJECT_ROOT, window),
    subgraphs: topSelfTime(file('subgraphs'), PROJECT_ROOT, window),
  });
  return { followCaseVaried32: summary(followCaseWindow), deep100: summary(deepWindow) };
}

/** Top entries of a profile summary as markdown lines. */
function profileMarkdown(profiles: ProfileSummary, connections: number): string[] {
  return (['followCaseVaried32', 'deep100'] as const).flatMap((run) =>
    (['gateway', 'subgraphs'] as const).flatMap((service) => {
      const { busyMs, top } = profiles[run][service];
      return [
        '',
        `Top ${top.length} self-time functions, ${service}, ${run === 'deep100' ? 'deep cases(first: 100), 1 client' : `varied FollowCase, ${connections} clients`} (${busyMs} ms busy sampled):`,
        '',
        '| % of busy | self ms | function |',
        '|---|---|---|',
        ...top.map((entry) => `| ${entry.percent} | ${entry.selfMs} | \`${entry.function}\` |`),
      ];
    }),
  );
}

/**
 * `--only subgraphs`: the two runs issue 15's subgraph goals are about, measured (then profiled, with
 * --profile) against our gateway alone, printed. Minutes instead of the full bench's quarter hour.
 */
async function onlySubgraphs(
  PORTS: Ports,
  benchUrl: string,
  urls: SubgraphUrls,
  token: string,
  ids: string[],
  opts: BenchmarkOptions,
  children: ChildProcess[],
  db: DatabaseWatch,
  gateway: ChildProcess,
): Promise<void> {
  const store = db.store;
  if (!store) throw new Error('--only subgraphs needs the bench subgraph process');
  const ours = `http://127.0.0.1:${PORTS.gateway}/graphql`;
  const followCaseBody = (id: string) => JSON.stringify({ query: FOLLOW_CASE, variables: { id } });
  const deepBody = () => JSON.stringify({ query: DEEP, variables: { first: 100 } });
  const cpu = { gateway: gateway.pid, subgraphs: store.pid };
  process.stdout.write('measuring (only the subgraph runs)…\n');
  await warmUp(ours, token, Math.min(3, opts.duration), followCaseBody, ids);
  await warmUp(ours, token, Math.min(3, opts.duration), deepBody, [ids[0]]);
  // autocannon counts only non-2xx answers: what errors one answer of each carries (codes, counted).
  // The answers themselves go to bench/results/only-answers.json, to compare two builds on the same data.
  const answers: unknown[] = [];
  const codes = async (body: string) => {
    const answer = (await (
      await fetch(ours, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      })
    ).json()) as { errors?: Array<{ extensions?: { code?: string; reason?: string } }> };
    answers.push(answer);
    const counted: Record<string, number> = {};
    for (const error of answer.errors ?? []) {
      const code = `${error.extensions?.code ?? '?'}${error.extensions?.reason ? ` ${error.extensions.reason}` : ''}`;
      counted[code] = (counted[code] ?? 0) + 1;
    }
    return JSON.stringify(counted);
  };
  const errorsInAnswers = { followCase: await codes(followCaseBody(ids[1] ?? ids[0])), deep100: await codes(deepBody()) };
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'only-answers.json'), `${JSON.stringify(answers, null, 1)}\n`);
  type Run = () => Promise<MeasuredRun>;
  const plan: Record<string, Run> = {
    oursVaried32: () => measured(cpu, () => load(ours, token, opts.connections, opts.duration, followCaseBody, ids), db),
    deep100: () => measured(cpu, () => load(ours, token, 1, opts.duration, deepBody, [ids[0]]), db),
  };
  const compared: ChildProcess[] = [];
  if (opts.compareWith) {
    // The other build's subgraphs on the one-process stack's ports (unused here), behind a gateway of ours.
    const ports = { police: PORTS.oneProcess + 1, assistance: PORTS.oneProcess + 2, prosecution: PORTS.oneProcess + 3 };
    const otherUrls = benchSubgraphUrls(ports, urls.SUBGRAPH_SIGNING_SECRET);
    const otherStore = await startBenchSubgraphs(benchUrl, ports, urls.SUBGRAPH_SIGNING_SECRET, [], opts.compareWith);
    children.push(otherStore);
    const otherGateway = await startTidelinkGateway(PORTS, 1, otherUrls, [], { port: PORTS.oneProcess, env: NO_LIMITS });
    children.push(otherGateway);
    compared.push(otherGateway, otherStore);
    const theirs = `http://127.0.0.1:${PORTS.oneProcess}/graphql`;
    await warmUp(theirs, token, Math.min(3, opts.duration), followCaseBody, ids);
    await warmUp(theirs, token, Math.min(3, opts.duration), deepBody, [ids[0]]);
    const otherDb: DatabaseWatch = { meter: db.meter, store: otherStore };
    const otherCpu = { gateway: otherGateway.pid, subgraphs: otherStore.pid };
    plan.comparedVaried32 = () =>
      measured(otherCpu, () => load(theirs, token, opts.connections, opts.duration, followCaseBody, ids), otherDb);
    plan.comparedDeep100 = () => measured(otherCpu, () => load(theirs, token, 1, opts.duration, deepBody, [ids[0]]), otherDb);
  }
  const runs = await interleaved(plan, opts.rounds);
  for (const child of [gateway, store, ...compared]) child.kill('SIGTERM');
  await Promise.all([gateway, store, ...compared].map(exited));
  const profiles = opts.profile ? await profileRuns(PORTS, benchUrl, urls, token, ids, opts, children) : null;
  const shown = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(value));
  const ratioOf = (a: MeasuredRun | undefined, b: MeasuredRun | undefined) =>
    a && b && b.cpuMsPerRequest.subgraphs > 0 ? (a.cpuMsPerRequest.subgraphs / b.cpuMsPerRequest.subgraphs).toFixed(2) : '–';
  const lines = [
    `# Subgraph runs only (${new Date().toISOString()}): ${opts.cases} cases, ${opts.duration} s per run, ${opts.rounds} round(s); load average ${loadavg()[0].toFixed(1)}`,
    '',
    '| run | req/s | errors | gateway CPU ms/req | subgraphs CPU ms/req | PostgreSQL CPU ms/req | statements/req |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(runs).map(
      ([name, r]) =>
        `| ${name} | ${r.requestsPerSecond} | ${r.errors} | ${shown(r.cpuMsPerRequest.gateway)} | ${shown(r.cpuMsPerRequest.subgraphs)} | ${shown(r.database?.postgresCpuMs)} | ${shown(r.database?.statements)} |`,
    ),
    ...(opts.compareWith
      ? [
          '',
          `compared = the subgraphs built in ${opts.compareWith}, on the same data. Subgraph CPU per request, ours ÷ compared: varied FollowCase ${ratioOf(runs.oursVaried32, runs.comparedVaried32)}, deep ${ratioOf(runs.deep100, runs.comparedDeep100)}.`,
        ]
      : []),
    '',
    `Errors in one answer before the runs (code and reason, counted): FollowCase ${errorsInAnswers.followCase}; deep ${errorsInAnswers.deep100}.`,
    ...(profiles ? profileMarkdown(profiles, opts.connections) : []),
    '',
  ];
  process.stdout.write(`\n${lines.join('\n')}`);
}

/** A goal of issue 15, computed from this run. */
interface Goal {
  goal: string;
  value: number | null;
  met: boolean | null;
}

/**
 * `--only profile|gateways`: a quick partial run on the same data and processes as the full one, for
 * trying a change (a minute or two instead of ten); printed, not written to bench/results. Its
 * ratios are from one run like the full bench's, but the full bench is what a claim quotes.
 */
async function runQuick(config: Config, opts: BenchmarkOptions & { only: 'profile' | 'gateways' }): Promise<void> {
  const PORTS = portsFrom(opts.basePort);
  const postgres = await openBenchServer(config.DATABASE_URL, opts.basePort, opts.databaseName);
  const benchUrl = postgres.runUrl;
  const children: ChildProcess[] = [];
  try {
    process.stdout.write(`preparing ${opts.cases} cases…\n`);
    const ids = await prepareData(benchUrl, opts.cases);
    const token = await mintToken(config, { subject: 'bench', agency: 'PROSECUTOR', country: 'DOM' });
    const secret = config.SUBGRAPH_SIGNING_SECRET;
    const urls = benchSubgraphUrls(PORTS, secret);
    const lines: string[] = [];
    if (opts.only === 'profile') {
      const profiles = await profileRuns(PORTS, benchUrl, urls, token, ids, opts, children);
      for (const run of ['followCaseVaried32', 'deep100'] as const) {
        for (const service of ['gateway', 'subgraphs'] as const) {
          const { busyMs, top } = profiles[run][service];
          lines.push('', `${service}, ${run} (${busyMs} ms busy sampled):`, '', '| % of busy | self ms | function |', '|---|---|---|');
          lines.push(...top.map((entry) => `| ${entry.percent} | ${entry.selfMs} | \`${entry.function}\` |`));
        }
      }
    } else {
      const subgraphs = await startBenchSubgraphs(benchUrl, PORTS, secret);
      children.push(subgraphs);
      const gateway = await startTidelinkGateway(PORTS, opts.gatewayWorkers, urls);
      children.push(gateway);
      const baseline = await startBaselineGateway(PORTS, urls);
      children.push(baseline);
      const hiveNoDedup = await startHiveGateway(PORTS, urls, false);
      children.push(hiveNoDedup);
      const ours = `http://127.0.0.1:${PORTS.gateway}/graphql`;
      const theirs = `http://127.0.0.1:${PORTS.baseline}/graphql`;
      const hive = `http://127.0.0.1:${PORTS.hiveNoDedup}/graphql`;
      const followCaseBody = (id: string) => JSON.stringify({ query: FOLLOW_CASE, variables: { id } });
      const deepBody = () => JSON.stringify({ query: DEEP, variables: { first: 100 } });
      const { duration, connections } = opts;
      const warmUpSeconds = Math.min(3, duration);
      for (const url of [ours, theirs, hive]) await warmUp(url, token, warmUpSeconds, followCaseBody, ids);
      for (const url of [ours, theirs, hive]) await checkFollowCase(url, token, ids[0]);
      const pids = (pid: number | undefined) => ({ gateway: pid, subgraphs: subgraphs.pid });
      const runs = await interleaved(
        {
          oursVaried32: () => measured(pids(gateway.pid), () => load(ours, token, connections, duration, followCaseBody, ids), null),
          baselineVaried32: () => measured(pids(baseline.pid), () => load(theirs, token, connections, duration, followCaseBody, ids), null),
          hiveNoDedupVaried32: () =>
            measured(pids(hiveNoDedup.pid), () => load(hive, token, connections, duration, followCaseBody, ids), null),
          oursDeep100: () => measured(pids(gateway.pid), () => load(ours, token, 1, duration, deepBody, [ids[0]]), null),
          baselineDeep100: () => measured(pids(baseline.pid), () => load(theirs, token, 1, duration, deepBody, [ids[0]]), null),
        },
        opts.rounds,
      );
      const ratio = (a: number | undefined, b: number | undefined) =>
        a !== undefined && b !== undefined && b > 0 ? String(Math.round((a / b) * 100) / 100) : '–';
      lines.push('', '| run | req/s | median ms | errors | gateway CPU ms/req | subgraphs CPU ms/req |', '|---|---|---|---|---|---|');
      for (const [name, r] of Object.entries(runs))
        lines.push(
          `| ${name} | ${r.requestsPerSecond.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.errors} | ${r.cpuMsPerRequest.gateway} | ${r.cpuMsPerRequest.subgraphs} |`,
        );
      const [o, b, h] = [runs.oursVaried32, runs.baselineVaried32, runs.hiveNoDedupVaried32];
      lines.push(
        '',
        `Varied FollowCase, gateway CPU ours ÷ stock ${ratio(o.cpuMsPerRequest.gateway, b.cpuMsPerRequest.gateway)}, ÷ Hive (no dedup) ${ratio(o.cpuMsPerRequest.gateway, h.cpuMsPerRequest.gateway)}; req/s ours ÷ stock ${ratio(o.requestsPerSecond, b.requestsPerSecond)}, ÷ Hive (no dedup) ${ratio(o.requestsPerSecond, h.requestsPerSecond)}; deep gateway CPU ours ÷ stock ${ratio(runs.oursDeep100.cpuMsPerRequest.gateway, runs.baselineDeep100.cpuMsPerRequest.gateway)}; gateway RSS ${rssMb(gateway.pid)} MB; load average ${loadavg()[0].toFixed(1)}.`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await postgres.stop();
  }
}

/** Seeds, starts the processes, measures, and returns (and optionally writes) the results. */
export async function runBenchmark(config: Config, opts: BenchmarkOptions) {
  const PORTS = portsFrom(opts.basePort);
  const postgres = await openBenchServer(config.DATABASE_URL, opts.basePort, opts.databaseName);
  const { embedded, server, runUrl: benchUrl } = postgres;
  const children: ChildProcess[] = [];
  let meter: DatabaseMeter | null = null;
  try {
    process.stdout.write(`preparing ${opts.cases} cases…\n`);
    const ids = await prepareData(benchUrl, opts.cases);
    meter = await openDatabaseMeter(server, opts.databaseName, embedded?.dataDir ?? null);
    const token = await mintToken(config, { subject: 'bench', agency: 'PROSECUTOR', country: 'DOM' });
    // Every process signs or verifies with the same secret, whatever the parent environment holds.
    const secret = config.SUBGRAPH_SIGNING_SECRET;
    const urls = benchSubgraphUrls(PORTS, secret);
    const subgraphs = await startBenchSubgraphs(benchUrl, PORTS, secret);
    children.push(subgraphs);
    const gateway = await startTidelinkGateway(PORTS, opts.gatewayWorkers, urls);
    children.push(gateway);
    if (opts.only === 'subgraphs') {
      await onlySubgraphs(PORTS, benchUrl, urls, token, ids, opts, children, { meter, store: subgraphs }, gateway);
      return null;
    }
    // The same gateway counting requests and query cost per caller (in memory, or in Redis when the
    // bench's environment has REDIS_URL): its CPU per request against the one above is the limiter's cost.
    const limitedGateway = await startTidelinkGateway(PORTS, opts.gatewayWorkers, urls, [], {
      port: PORTS.limitedGateway,
      env: { RATE_LIMIT_KEY_PREFIX: `tidelink-bench:${process.pid}`, ...UNREACHED_LIMITS },
    });
    children.push(limitedGateway);
    const baseline = await startBaselineGateway(PORTS, urls);
    children.push(baseline);
    const hive = await startHiveGateway(PORTS, urls, true);
    children.push(hive);
    const hiveNoDedup = await startHiveGateway(PORTS, urls, false);
    children.push(hiveNoDedup);

    const ours = `http://127.0.0.1:${PORTS.gateway}/graphql`;
    const theirs = `http://127.0.0.1:${PORTS.baseline}/graphql`;
    const hiveUrl = `http://127.0.0.1:${PORTS.hive}/graphql`;
    const hiveNoDedupUrl = `http://127.0.0.1:${PORTS.hiveNoDedup}/graphql`;
    const limited = `http://127.0.0.1:${PORTS.limitedGateway}/graphql`;
    const followCaseBody = (id: string) => JSON.stringify({ query: FOLLOW_CASE, variables: { id } });
    const hot = [ids[0]];
    const { duration, connections } = opts;
    process.stdout.write('measuring…\n');
    // Warm every path first (JIT, pools, plan caches), so that no run pays for coming first.
    const warmUpSeconds = Math.min(3, duration);
    // Every path answers a FollowCase whole before it is measured (autocannon sees only HTTP errors).
    for (const url of [ours, theirs, hiveUrl, hiveNoDedupUrl, limited]) await checkFollowCase(url, token, ids[0]);
    for (const url of [ours, theirs, hiveUrl, hiveNoDedupUrl, limited]) await warmUp(url, token, warmUpSeconds, followCaseBody, ids);
    await floor(PORTS, token, ids, 4, warmUpSeconds, secret);
    const db: DatabaseWatch = { meter, store: subgraphs };
    const cpu = {
      ours: { gateway: gateway.pid, subgraphs: subgraphs.pid },
      baseline: { gateway: baseline.pid, subgraphs: subgraphs.pid },
      hive: { gateway: hive.pid, subgraphs: subgraphs.pid },
      hiveNoDedup: { gateway: hiveNoDedup.pid, subgraphs: subgraphs.pid },
      limited: { gateway: limitedGateway.pid, subgraphs: subgraphs.pid },
    };
    const runs = {
      oursHot1: () => measured(cpu.ours, () => load(ours, token, 1, duration, followCaseBody, hot), db),
      floor1: () => measured({ subgraphs: subgraphs.pid }, () => floor(PORTS, token, ids, 1, duration, secret), db),
      oursHot32: () => measured(cpu.ours, () => load(ours, token, connections, duration, followCaseBody, hot), db),
      baselineHot32: () => measured(cpu.baseline, () => load(theirs, token, connections, duration, followCaseBody, hot), db),
      hiveHot32: () => measured(cpu.hive, () => load(hiveUrl, token, connections, duration, followCaseBody, hot), db),
      hiveNoDedupHot32: () => measured(cpu.hiveNoDedup, () => load(hiveNoDedupUrl, token, connections, duration, followCaseBody, hot), db),
      oursVaried32: () => measured(cpu.ours, () => load(ours, token, connections, duration, followCaseBody, ids), db),
      limitedVaried32: () => measured(cpu.limited, () => load(limited, token, connections, duration, followCaseBody, ids), db),
      floor32: () => measured({ subgraphs: subgraphs.pid }, () => floor(PORTS, token, ids, connections, duration, secret), db),
      baselineVaried32: () => measured(cpu.baseline, () => load(theirs, token, connections, duration, followCaseBody, ids), db),
      hiveVaried32: () => measured(cpu.hive, () => load(hiveUrl, token, connections, duration, followCaseBody, ids), db),
      hiveNoDedupVaried32: () =>
        measured(cpu.hiveNoDedup, () => load(hiveNoDedupUrl, token, connections, duration, followCaseBody, ids), db),
    };
    const separate = await interleaved(runs, opts.rounds);
    const deepCases100 = await measured(
      cpu.ours,
      () => load(ours, token, 1, duration, () => JSON.stringify({ query: DEEP, variables: { first: 100 } }), hot),
      db,
    );
    // The analysis file's reads: a search over varied texts, and the links of a page of cases.
    const searchBody = (text: string) => JSON.stringify({ query: SEARCH, variables: { text } });
    // autocannon counts only non-2xx answers as errors: a GraphQL error (200) in a search would go unseen.
    for (const text of SEARCH_TEXTS) {
      // A subgraph timing out on a loaded machine says nothing about the query: asked again, up to three times.
      for (let attempt = 1; ; attempt += 1) {
        const answer = (await (
          await fetch(ours, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: searchBody(text),
          })
        ).json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        if (!answer.errors) break;
        const timedOut = answer.errors.every((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
        if (!timedOut || attempt === 3) throw new Error(`search("${text}") answered errors: ${JSON.stringify(answer.errors)}`);
      }
    }
    await warmUp(ours, token, warmUpSeconds, searchBody, SEARCH_TEXTS);
    const searchVaried = await measured(cpu.ours, () => load(ours, token, connections, duration, searchBody, SEARCH_TEXTS), db);
    const linksMeasured = (await hasLinks((query, variables) =>
      fetch(ours, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      }),
    ))
      ? await measured(
          cpu.ours,
          () => load(ours, token, connections, duration, () => JSON.stringify({ query: LINKS, variables: { first: 20 } }), hot),
          db,
        )
      : null;
    const rss = {
      gateway: rssMb(gateway.pid),
      subgraphs: rssMb(subgraphs.pid),
      baseline: rssMb(baseline.pid),
      hive: rssMb(hive.pid),
      hiveNoDedup: rssMb(hiveNoDedup.pid),
    };
    const gatewayHeapMb = await heapUsedMb(`http://127.0.0.1:${PORTS.gateway}/metrics`);
    const separateProcesses = [gateway, limitedGateway, baseline, subgraphs, hive, hiveNoDedup];
    for (const child of separateProcesses) child.kill('SIGTERM');

    // `npm start`: the launcher (gateway) and the subgraph process it forks (launcher/start.ts). The
    // row keeps its name from when it was one process; bench/one-process.ts measures that shape too.
    const oneProcess = startOneProcess(PORTS, benchUrl, secret);
    children.push(oneProcess);
    await waitFor(`http://127.0.0.1:${PORTS.oneProcess}/ready`);
    await checkFollowCase(`http://127.0.0.1:${PORTS.oneProcess}/graphql`, token, ids[0]);
    await warmUp(`http://127.0.0.1:${PORTS.oneProcess}/graphql`, token, warmUpSeconds, followCaseBody, ids);
    // With DATABASE_URL set the launcher's only child is its subgraph process.
    const [subgraphProcess] = oneProcess.pid ? childrenOf(oneProcess.pid) : [];
    // No IPC into `npm start`'s processes: its store-layer counts are not read (pg_stat_statements still is).
    const npmStart = await measured(
      { launcher: oneProcess.pid, subgraphs: subgraphProcess },
      () => load(`http://127.0.0.1:${PORTS.oneProcess}/graphql`, token, connections, duration, followCaseBody, ids),
      { meter },
    );
    // The launcher's figure includes its child's: the gateway's own is the difference.
    const { launcher, subgraphs: subgraphsCpu } = npmStart.cpuMsPerRequest;
    const oneProcessVaried32: MeasuredRun = {
      ...npmStart,
      cpuMsPerRequest: { gateway: Math.round((launcher - subgraphsCpu) * 100) / 100, subgraphs: subgraphsCpu },
    };
    oneProcess.kill('SIGTERM');
    await Promise.all([...separateProcesses, oneProcess].map(exited));
    const profiles = opts.profile ? await profileRuns(PORTS, benchUrl, urls, token, ids, opts, children) : null;
    const followCase = { ...separate, oneProcessVaried32 };
    const results = {
      machine: { cores: cpus().length, node: process.version },
      options: opts,
      followCase,
      deepCases100,
      // null: the schema has no Case.links yet (not measured).
      analysis: { searchVaried, links20: linksMeasured },
      rssMb: rss,
      gatewayHeapUsedMb: gatewayHeapMb,
      database: { statements: meter.statementSource, processes: meter.processSource },
      sqlStatementsPerRequest: {} as Record<string, Record<SubgraphName, number>>,
      sqlStatementsPerLinksRequest: null as Record<string, Record<SubgraphName, number>> | null,
      explain: {} as Awaited<ReturnType<typeof sqlStatements>>['explain'],
      profiles,
    };
    const sql = await sqlStatements(config, benchUrl, token, ids[0]);
    results.sqlStatementsPerRequest = sql.counts;
    results.sqlStatementsPerLinksRequest = sql.linksCounts;
    results.explain = sql.explain;
    const f = results.followCase;
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
    /** (gateway + subgraphs) CPU ÷ PostgreSQL's CPU, for the same requests. */
    const stackOverPostgres = (r: MeasuredRun) =>
      r.database ? ratio((r.cpuMsPerRequest.gateway ?? 0) + (r.cpuMsPerRequest.subgraphs ?? 0), r.database.postgresCpuMs) : null;
    const ratios = {
      medianOursOverFloor: ratio(f.oursHot1.medianMs, f.floor1.medianMs),
      throughputOursOverFloor: ratio(f.oursVaried32.requestsPerSecond, f.floor32.requestsPerSecond),
      throughputOursOverBaselineHot: ratio(f.oursHot32.requestsPerSecond, f.baselineHot32.requestsPerSecond),
      throughputOursOverBaselineVaried: ratio(f.oursVaried32.requestsPerSecond, f.baselineVaried32.requestsPerSecond),
      throughputOursOverHiveVaried: ratio(f.oursVaried32.requestsPerSecond, f.hiveVaried32.requestsPerSecond),
      throughputOursOverHiveNoDedupVaried: ratio(f.oursVaried32.requestsPerSecond, f.hiveNoDedupVaried32.requestsPerSecond),
      gatewayCpuOursOverBaselineVaried: ratio(f.oursVaried32.cpuMsPerRequest.gateway, f.baselineVaried32.cpuMsPerRequest.gateway),
      gatewayCpuOursOverHiveNoDedupVaried: ratio(f.oursVaried32.cpuMsPerRequest.gateway, f.hiveNoDedupVaried32.cpuMsPerRequest.gateway),
      throughputOneProcessOverSeparate: ratio(f.oneProcessVaried32.requestsPerSecond, f.oursVaried32.requestsPerSecond),
      gatewayCpuLimitedOverUnlimited: ratio(f.limitedVaried32.cpuMsPerRequest.gateway, f.oursVaried32.cpuMsPerRequest.gateway),
      stackCpuOverPostgresVaried: stackOverPostgres(f.oursVaried32),
      subgraphCpuVariedOverIssue15: ratio(f.oursVaried32.cpuMsPerRequest.subgraphs, ISSUE_15_BASELINE.subgraphCpuMsPerFollowCase),
      subgraphCpuDeepOverIssue15: ratio(results.deepCases100.cpuMsPerRequest.subgraphs, ISSUE_15_BASELINE.subgraphCpuMsPerDeep100),
    };
    const atMost = (value: number | null, limit: number) => (value === null ? null : value <= limit);
    const atLeast = (value: number | null, limit: number) => (value === null ? null : value >= limit);
    const goals: Goal[] = [
      {
        goal: 'Whole-stack CPU per varied FollowCase (gateway + subgraphs) ÷ PostgreSQL CPU ≤ 3',
        value: ratios.stackCpuOverPostgresVaried,
        met: atMost(ratios.stackCpuOverPostgresVaried, 3),
      },
      {
        goal: `Subgraph CPU per varied FollowCase ÷ issue 15's ${ISSUE_15_BASELINE.subgraphCpuMsPerFollowCase} ms ≤ 0.3`,
        value: ratios.subgraphCpuVariedOverIssue15,
        met: atMost(ratios.subgraphCpuVariedOverIssue15, 0.3),
      },
      {
        goal: `Subgraph CPU per deep cases(first: 100) ÷ issue 15's ${ISSUE_15_BASELINE.subgraphCpuMsPerDeep100} ms ≤ 0.3`,
        value: ratios.subgraphCpuDeepOverIssue15,
        met: atMost(ratios.subgraphCpuDeepOverIssue15, 0.3),
      },
      {
        goal: 'Gateway CPU per varied FollowCase ÷ stock @apollo/gateway ≤ 0.5',
        value: ratios.gatewayCpuOursOverBaselineVaried,
        met: atMost(ratios.gatewayCpuOursOverBaselineVaried, 0.5),
      },
      {
        goal: 'Gateway CPU per varied FollowCase ÷ Hive Gateway (deduplication off) ≤ 1',
        value: ratios.gatewayCpuOursOverHiveNoDedupVaried,
        met: atMost(ratios.gatewayCpuOursOverHiveNoDedupVaried, 1),
      },
      {
        goal: `Varied FollowCase req/s at ${connections} clients ÷ stock @apollo/gateway ≥ 2`,
        value: ratios.throughputOursOverBaselineVaried,
        met: atLeast(ratios.throughputOursOverBaselineVaried, 2),
      },
      {
        goal: `Varied FollowCase req/s at ${connections} clients ÷ Hive Gateway (deduplication off) ≥ 1`,
        value: ratios.throughputOursOverHiveNoDedupVaried,
        met: atLeast(ratios.throughputOursOverHiveNoDedupVaried, 1),
      },
      {
        goal: `Varied FollowCase req/s at ${connections} clients ÷ the floor ≥ 0.9`,
        value: ratios.throughputOursOverFloor,
        met: atLeast(ratios.throughputOursOverFloor, 0.9),
      },
      { goal: 'Median at 1 client ÷ the floor ≤ 1.1', value: ratios.medianOursOverFloor, met: atMost(ratios.medianOursOverFloor, 1.1) },
      { goal: 'Gateway RSS after the load ≤ 200 MB', value: results.rssMb.gateway, met: atMost(results.rssMb.gateway, 200) },
    ];
    const row = (name: string, r: MeasuredRun) =>
      `| ${name} | ${r.requestsPerSecond.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.errors} | ${r.cpuMsPerRequest.gateway ?? '–'} | ${r.cpuMsPerRequest.subgraphs ?? '–'} |`;
    const rows = Object.entries(f).map(([name, r]) => row(name, r));
    const shown = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(value));
    const databaseRow = (name: string, r: MeasuredRun) =>
      `| ${name} | ${shown(r.cpuMsPerRequest.gateway)} | ${shown(r.cpuMsPerRequest.subgraphs)} | ${shown(r.database?.postgresCpuMs)} | ${shown(r.database?.statements)} | ${shown(r.database?.executionMs)} | ${shown(r.database?.storeWaitedMs)} | ${shown(stackOverPostgres(r))} |`;
    const scenarios: Array<[string, MeasuredRun]> = [
      ...Object.entries(f),
      ['deep cases(first: 100), 1 client', results.deepCases100],
      ['search, 32 clients', results.analysis.searchVaried],
      ...(results.analysis.links20 ? [['cases(first: 20) { links }', results.analysis.links20] as [string, MeasuredRun]] : []),
    ];
    const profileLines = profiles ? profileMarkdown(profiles, connections) : [];
    const markdown = [
      `# Tidelink benchmark (${new Date().toISOString()})`,
      '',
      `${opts.cases} cases, ${duration} s per run, ${connections} connections, ${opts.gatewayWorkers} gateway worker(s), FollowCase runs interleaved over ${opts.rounds} round(s) (means shown); ${results.machine.cores} cores, Node ${results.machine.node}; the machine's load average (1 min) ${loadavg()[0].toFixed(1)} at the end.`,
      'Peers on the same supergraph and subgraphs: baseline = stock @apollo/gateway; hive = Hive Gateway with in-flight deduplication on (subgraph calls and incoming requests), hiveNoDedup = with both off.',
      '',
      '| FollowCase run | req/s | median ms | p99 ms | errors | gateway CPU ms/req | subgraphs CPU ms/req |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      row('deep cases(first: 100), 1 client', results.deepCases100),
      row(`search, ${SEARCH_TEXTS.length} texts in turn, ${connections} clients`, results.analysis.searchVaried),
      results.analysis.links20
        ? row(`cases(first: 20) { links }, ${connections} clients`, results.analysis.links20)
        : '| cases(first: 20) { links } | not measured: the schema has no Case.links | | | | | |',
      '',
      `## The floor under the floor: PostgreSQL's own cost per request`,
      '',
      `PostgreSQL CPU: ${meter.processSource}. Statements and SQL execution time: ${meter.statementSource === 'pg_stat_statements' ? 'pg_stat_statements (calls, total_exec_time; BEGIN/COMMIT included)' : 'the store layer (statements sent and the time waited for them, as the store waits; no pg_stat_statements on this server)'}. Store wait: what the subgraphs' stores waited for answers (TypeORM's timing, bench subgraph process only). Ratio = (gateway + subgraphs CPU) ÷ PostgreSQL CPU.`,
      '',
      '| scenario | gateway CPU ms/req | subgraph CPU ms/req | PostgreSQL CPU ms/req | statements/req | SQL execution ms/req | store wait ms/req | (gateway + subgraphs) ÷ PostgreSQL |',
      '|---|---|---|---|---|---|---|---|',
      ...scenarios.map(([name, r]) => databaseRow(name, r)),
      '',
      `Ratios: median ours ÷ floor ${ratios.medianOursOverFloor}; req/s ours ÷ floor (varied, ${connections}) ${ratios.throughputOursOverFloor}; req/s ours ÷ baseline ${ratios.throughputOursOverBaselineHot} (hot), ${ratios.throughputOursOverBaselineVaried} (varied); req/s ours ÷ Hive (varied) ${ratios.throughputOursOverHiveVaried} (deduplication on), ${ratios.throughputOursOverHiveNoDedupVaried} (off); gateway CPU per request ours ÷ baseline (varied) ${ratios.gatewayCpuOursOverBaselineVaried}, ÷ Hive without deduplication ${ratios.gatewayCpuOursOverHiveNoDedupVaried}; req/s \`npm start\` (oneProcessVaried32: its launcher and subgraph process) ÷ separate processes (varied) ${ratios.throughputOneProcessOverSeparate}; gateway CPU per request with rate limits ÷ without (limitedVaried32 ÷ oursVaried32, ${process.env.REDIS_URL ? 'Redis' : 'in memory'}) ${ratios.gatewayCpuLimitedOverUnlimited}.`,
      '',
      `## Issue 15's goals (this run)`,
      '',
      `Today's baselines for the "÷ issue 15's" rows are the issue's figures (subgraph CPU ${ISSUE_15_BASELINE.subgraphCpuMsPerFollowCase} ms per varied FollowCase, ${ISSUE_15_BASELINE.subgraphCpuMsPerDeep100} ms per deep query), from another run: rough.`,
      '',
      '| goal | this run | met |',
      '|---|---|---|',
      ...goals.map((g) => `| ${g.goal} | ${shown(g.value)} | ${g.met === null ? 'not measured' : g.met ? 'met' : 'not met'} |`),
      '',
      `RSS after load (MB): gateway ${results.rssMb.gateway}, subgraphs ${results.rssMb.subgraphs}, baseline ${results.rssMb.baseline}, hive ${results.rssMb.hive}, hiveNoDedup ${results.rssMb.hiveNoDedup}; gateway V8 heap in use ${results.gatewayHeapUsedMb}.`,
      '',
      `SQL statements per deep request: ${Object.entries(results.sqlStatementsPerRequest)
        .map(([k, v]) => `${k} → ${JSON.stringify(v)}`)
        .join('; ')}.`,
      results.sqlStatementsPerLinksRequest
        ? `SQL statements per links request: ${Object.entries(results.sqlStatementsPerLinksRequest)
            .map(([k, v]) => `${k} → ${JSON.stringify(v)}`)
            .join('; ')}.`
        : 'SQL statements per links request: not measured (no Case.links).',
      '',
      ...(['followCase', 'deep100', 'search', 'links20'] as const).map((run) => {
        const explained = results.explain[run];
        const what = {
          followCase: 'a FollowCase',
          deep100: 'a deep cases(first: 100)',
          search: 'a search("capitan")',
          links20: 'a cases(first: 20) { links }',
        }[run];
        if (!explained) return `EXPLAIN of ${what}: not run (no Case.links).\n`;
        const { statements, seqScansOnTablesOver1000Rows: scans } = explained;
        const found =
          scans.length === 0
            ? 'none'
            : scans.map((scan) => `${scan.subgraph} ${scan.statement} on ${scan.table} (${scan.tableRows} rows)`).join('; ');
        return `EXPLAIN of the ${statements} reads ${what} sends: sequential scans on tables over 1,000 rows: ${found}.\n`;
      }),
      ...(profiles
        ? [
            '## Profiles (`--profile`: node --cpu-prof, each run its own stretch of the profile; files in bench/results/profiles/)',
            ...profileLines,
            '',
          ]
        : []),
    ].join('\n');
    if (opts.writeResults) {
      const dir = path.join(PROJECT_ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify({ ...results, ratios, goals }, null, 2)}\n`);
      writeFileSync(path.join(dir, 'latest.md'), markdown);
      process.stdout.write(`\n${markdown}\nWrote bench/results/latest.json and latest.md\n`);
    }
    return { ...results, ratios, goals };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await meter?.close();
    await postgres.stop();
  }
}

if (require.main === module) {
  const opts = options();
  const { only } = opts;
  (only === 'profile' || only === 'gateways'
    ? runQuick(loadConfigOrExit(), { ...opts, only })
    : runBenchmark(loadConfigOrExit(), opts)
  ).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
