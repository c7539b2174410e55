import 'reflect-metadata';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startStack } from '../launcher/stack.js';
import { mintToken } from '../platform/auth.js';
import { loadConfigOrExit, type Config } from '../platform/config.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/shared/database.js';
import { heapUsedMb, prepareData, rssMb, startProcess, waitFor } from './processes.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../subgraphs/shared/embedded-postgres.js';
import { createLogger } from '../platform/logger.js';
import { PROJECT_ROOT } from '../platform/paths.js';
import { signRequest } from '../platform/request-signing.js';

const FOLLOW_CASE = readFileSync(path.join(PROJECT_ROOT, 'test', 'queries', 'follow-case.graphql'), 'utf8');
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
   * First of ten consecutive ports: gateway, police, assistance, prosecution, baseline, then the
   * one-process stack's four, then the gateway with rate limits.
   */
  basePort: number;
  writeResults: boolean;
  /** GATEWAY_WORKERS for Tidelink's gateway. */
  gatewayWorkers: number;
  /** Rounds of the FollowCase runs, interleaved; the tables give their means. */
  rounds: number;
}

type Ports = {
  gateway: number;
  police: number;
  assistance: number;
  prosecution: number;
  baseline: number;
  oneProcess: number;
  limitedGateway: number;
};
const portsFrom = (base: number): Ports => ({
  gateway: base,
  police: base + 1,
  assistance: base + 2,
  prosecution: base + 3,
  baseline: base + 4,
  oneProcess: base + 5,
  limitedGateway: base + 9,
});
/** The measured gateways count no budget, except the one run to measure what counting costs. */
const NO_LIMITS = { RATE_LIMIT_REQUESTS_PER_MINUTE: '0', RATE_LIMIT_COST_PER_MINUTE: '0' };
/** Budgets no run reaches (the runs use one token): every request is counted, none refused. */
const UNREACHED_LIMITS = { RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000000', RATE_LIMIT_COST_PER_MINUTE: '1000000000' };
/** Ports for the `npm start` process: its gateway, then its three subgraphs. */
const oneProcessPorts = (ports: Ports) => ({
  PORT: String(ports.oneProcess),
  POLICE_PORT: String(ports.oneProcess + 1),
  ASSISTANCE_PORT: String(ports.oneProcess + 2),
  PROSECUTION_PORT: String(ports.oneProcess + 3),
});

function options(): BenchmarkOptions {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '3000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      workers: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '2' },
    },
  });
  const parsed = {
    cases: Number(values.cases),
    duration: Number(values.duration),
    connections: Number(values.connections),
    gatewayWorkers: Number(values.workers),
    rounds: Number(values.rounds),
  };
  if (
    !Number.isInteger(parsed.cases) ||
    parsed.cases < 10 ||
    !(parsed.duration > 0) ||
    !Number.isInteger(parsed.connections) ||
    parsed.connections < 1 ||
    !Number.isInteger(parsed.gatewayWorkers) ||
    parsed.gatewayWorkers < 1 ||
    !Number.isInteger(parsed.rounds) ||
    parsed.rounds < 1
  ) {
    process.stderr.write(
      'Usage: npm run bench -- [--cases N (≥10)] [--duration seconds] [--connections N] [--workers N (GATEWAY_WORKERS)] [--rounds N]\n',
    );
    process.exit(2);
  }
  return { ...parsed, databaseName: 'tidelink_bench', basePort: 4310, writeResults: true };
}

interface LoadResult {
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

/** A run with the CPU time each process spent on it, per request answered. */
type MeasuredRun = LoadResult & { cpuMsPerRequest: Record<string, number> };

const CLOCK_TICKS_PER_SECOND = 100;
/**
 * CPU time (user + system) a process has used so far, from /proc: the steadiest figure on a shared
 * machine, since it does not count time spent waiting for the other processes.
 */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat; after "pid (comm) " they are the 12th and 13th.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU time of a process and its children (the gateway's workers when GATEWAY_WORKERS > 1). */
function cpuMsWithChildren(pid: number | undefined): number {
  if (!pid) return 0;
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    // no children
  }
  return cpuMs(pid) + children.reduce((sum, child) => sum + cpuMs(child), 0);
}

/**
 * Every run once per round, in the same order each round, and the mean of the rounds: whatever the
 * shared machine is doing drifts over a minute, and no run always comes first or last.
 */
async function interleaved<Name extends string>(
  runs: Record<Name, () => Promise<MeasuredRun>>,
  rounds: number,
): Promise<Record<Name, MeasuredRun>> {
  const results = new Map<Name, MeasuredRun[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run] of Object.entries(runs) as Array<[Name, () => Promise<MeasuredRun>]>)
      results.set(name, [...(results.get(name) ?? []), await run()]);
  }
  const mean = (values: number[]) => Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
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
      },
    ]),
  ) as Record<Name, MeasuredRun>;
}

async function measured(pids: Record<string, number | undefined>, run: () => Promise<LoadResult>): Promise<MeasuredRun> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMsWithChildren(pid)]));
  const result = await run();
  const cpuMsPerRequest = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => [
      name,
      result.requests > 0 ? Math.round(((cpuMsWithChildren(pid) - before[name]) / result.requests) * 100) / 100 : 0,
    ]),
  );
  return { ...result, cpuMsPerRequest };
}

/** autocannon against one GraphQL endpoint; `ids` varies the case of every request. */
async function load(
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
export async function runBenchmark(config: Config, opts: BenchmarkOptions) {
  const PORTS = portsFrom(opts.basePort);
  let embedded: EmbeddedPostgres | null = null;
  let server = config.DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedPostgres({ dataDir: '.data/bench-postgres', port: 5490, logger: createLogger('bench', 'warn') });
    server = embedded.url;
  }
  const benchUrl = new URL(server);
  benchUrl.pathname = `/${opts.databaseName}`;
  const children: ChildProcess[] = [];
  try {
    process.stdout.write(`preparing ${opts.cases} cases…\n`);
    const ids = await prepareData(benchUrl.toString(), opts.cases);
    const token = await mintToken(config, { subject: 'bench', agency: 'PROSECUTOR', country: 'DOM' });
    // Every process signs or verifies with the same secret, whatever the parent environment holds.
    const secret = config.SUBGRAPH_SIGNING_SECRET;
    const urls = {
      SUBGRAPH_SIGNING_SECRET: secret,
      POLICE_URL: `http://127.0.0.1:${PORTS.police}/graphql`,
      ASSISTANCE_URL: `http://127.0.0.1:${PORTS.assistance}/graphql`,
      PROSECUTION_URL: `http://127.0.0.1:${PORTS.prosecution}/graphql`,
    };
    const subgraphs = await startProcess(
      'bench/subgraphs.js',
      {
        DATABASE_URL: benchUrl.toString(),
        POLICE_PORT: String(PORTS.police),
        ASSISTANCE_PORT: String(PORTS.assistance),
        PROSECUTION_PORT: String(PORTS.prosecution),
        HOST: '127.0.0.1',
        SUBGRAPH_SIGNING_SECRET: secret,
      },
      /subgraphs ready/,
    );
    children.push(subgraphs);
    const gateway = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'gateway', 'main.js')], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        PORT: String(PORTS.gateway),
        HOST: '127.0.0.1',
        GATEWAY_WORKERS: String(opts.gatewayWorkers),
        ...NO_LIMITS,
        ...urls,
      },
      stdio: 'ignore',
    });
    children.push(gateway);
    // The same gateway counting requests and query cost per caller (in memory, or in Redis when the
    // bench's environment has REDIS_URL): its CPU per request against the one above is the limiter's cost.
    const limitedGateway = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'gateway', 'main.js')], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        PORT: String(PORTS.limitedGateway),
        HOST: '127.0.0.1',
        GATEWAY_WORKERS: String(opts.gatewayWorkers),
        RATE_LIMIT_KEY_PREFIX: `tidelink-bench:${process.pid}`,
        ...UNREACHED_LIMITS,
        ...urls,
      },
      stdio: 'ignore',
    });
    children.push(limitedGateway);
    const baseline = await startProcess('bench/baseline-gateway.js', { PORT: String(PORTS.baseline), ...urls }, /baseline ready/);
    children.push(baseline);
    await waitFor(`http://127.0.0.1:${PORTS.gateway}/ready`);
    await waitFor(`http://127.0.0.1:${PORTS.limitedGateway}/ready`);

    const ours = `http://127.0.0.1:${PORTS.gateway}/graphql`;
    const theirs = `http://127.0.0.1:${PORTS.baseline}/graphql`;
    const limited = `http://127.0.0.1:${PORTS.limitedGateway}/graphql`;
    const followCaseBody = (id: string) => JSON.stringify({ query: FOLLOW_CASE, variables: { id } });
    const hot = [ids[0]];
    const { duration, connections } = opts;
    process.stdout.write('measuring…\n');
    // Warm every path first (JIT, pools, plan caches), so that no run pays for coming first.
    const warmUpSeconds = Math.min(3, duration);
    await load(ours, token, 4, warmUpSeconds, followCaseBody, ids);
    await load(theirs, token, 4, warmUpSeconds, followCaseBody, ids);
    await load(limited, token, 4, warmUpSeconds, followCaseBody, ids);
    await floor(PORTS, token, ids, 4, warmUpSeconds, secret);
    const cpu = {
      ours: { gateway: gateway.pid, subgraphs: subgraphs.pid },
      baseline: { gateway: baseline.pid, subgraphs: subgraphs.pid },
      limited: { gateway: limitedGateway.pid, subgraphs: subgraphs.pid },
    };
    const runs = {
      oursHot1: () => measured(cpu.ours, () => load(ours, token, 1, duration, followCaseBody, hot)),
      floor1: () => measured({ subgraphs: subgraphs.pid }, () => floor(PORTS, token, ids, 1, duration, secret)),
      oursHot32: () => measured(cpu.ours, () => load(ours, token, connections, duration, followCaseBody, hot)),
      baselineHot32: () => measured(cpu.baseline, () => load(theirs, token, connections, duration, followCaseBody, hot)),
      oursVaried32: () => measured(cpu.ours, () => load(ours, token, connections, duration, followCaseBody, ids)),
      limitedVaried32: () => measured(cpu.limited, () => load(limited, token, connections, duration, followCaseBody, ids)),
      floor32: () => measured({ subgraphs: subgraphs.pid }, () => floor(PORTS, token, ids, connections, duration, secret)),
      baselineVaried32: () => measured(cpu.baseline, () => load(theirs, token, connections, duration, followCaseBody, ids)),
    };
    const separate = await interleaved(runs, opts.rounds);
    const deepCases100 = await measured(cpu.ours, () =>
      load(ours, token, 1, duration, () => JSON.stringify({ query: DEEP, variables: { first: 100 } }), hot),
    );
    // The analysis file's reads: a search over varied texts, and the links of a page of cases.
    const searchBody = (text: string) => JSON.stringify({ query: SEARCH, variables: { text } });
    // autocannon counts only non-2xx answers as errors: a GraphQL error (200) in a search would go unseen.
    for (const text of SEARCH_TEXTS) {
      const answer = (await (
        await fetch(ours, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: searchBody(text),
        })
      ).json()) as { errors?: unknown[] };
      if (answer.errors) throw new Error(`search("${text}") answered errors: ${JSON.stringify(answer.errors)}`);
    }
    await load(ours, token, 4, warmUpSeconds, searchBody, SEARCH_TEXTS);
    const searchVaried = await measured(cpu.ours, () => load(ours, token, connections, duration, searchBody, SEARCH_TEXTS));
    const linksMeasured = (await hasLinks((query, variables) =>
      fetch(ours, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      }),
    ))
      ? await measured(cpu.ours, () =>
          load(ours, token, connections, duration, () => JSON.stringify({ query: LINKS, variables: { first: 20 } }), hot),
        )
      : null;
    const rss = { gateway: rssMb(gateway.pid), subgraphs: rssMb(subgraphs.pid), baseline: rssMb(baseline.pid) };
    const gatewayHeapMb = await heapUsedMb(`http://127.0.0.1:${PORTS.gateway}/metrics`);
    for (const child of [gateway, limitedGateway, baseline, subgraphs]) child.kill('SIGTERM');

    // `npm start`'s shape: gateway and subgraphs sharing one process and one event loop.
    const oneProcess = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'launcher', 'start.js')], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        DATABASE_URL: benchUrl.toString(),
        SEED_DEMO: 'false',
        HOST: '127.0.0.1',
        SUBGRAPH_SIGNING_SECRET: secret,
        ...NO_LIMITS,
        ...oneProcessPorts(PORTS),
      },
      stdio: 'ignore',
    });
    children.push(oneProcess);
    await waitFor(`http://127.0.0.1:${PORTS.oneProcess}/ready`);
    await load(`http://127.0.0.1:${PORTS.oneProcess}/graphql`, token, 4, warmUpSeconds, followCaseBody, ids);
    const oneProcessVaried32 = await measured({ gateway: oneProcess.pid }, () =>
      load(`http://127.0.0.1:${PORTS.oneProcess}/graphql`, token, connections, duration, followCaseBody, ids),
    );
    oneProcess.kill('SIGTERM');
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
      sqlStatementsPerRequest: {} as Record<string, Record<SubgraphName, number>>,
      sqlStatementsPerLinksRequest: null as Record<string, Record<SubgraphName, number>> | null,
      explain: {} as Awaited<ReturnType<typeof sqlStatements>>['explain'],
    };
    const sql = await sqlStatements(config, benchUrl.toString(), token, ids[0]);
    results.sqlStatementsPerRequest = sql.counts;
    results.sqlStatementsPerLinksRequest = sql.linksCounts;
    results.explain = sql.explain;
    const f = results.followCase;
    const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
    const ratios = {
      medianOursOverFloor: ratio(f.oursHot1.medianMs, f.floor1.medianMs),
      throughputOursOverFloor: ratio(f.oursVaried32.requestsPerSecond, f.floor32.requestsPerSecond),
      throughputOursOverBaselineHot: ratio(f.oursHot32.requestsPerSecond, f.baselineHot32.requestsPerSecond),
      throughputOursOverBaselineVaried: ratio(f.oursVaried32.requestsPerSecond, f.baselineVaried32.requestsPerSecond),
      gatewayCpuOursOverBaselineVaried: ratio(f.oursVaried32.cpuMsPerRequest.gateway, f.baselineVaried32.cpuMsPerRequest.gateway),
      throughputOneProcessOverSeparate: ratio(f.oneProcessVaried32.requestsPerSecond, f.oursVaried32.requestsPerSecond),
      gatewayCpuLimitedOverUnlimited: ratio(f.limitedVaried32.cpuMsPerRequest.gateway, f.oursVaried32.cpuMsPerRequest.gateway),
    };
    const row = (name: string, r: MeasuredRun) =>
      `| ${name} | ${r.requestsPerSecond.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.p99Ms.toFixed(1)} | ${r.errors} | ${r.cpuMsPerRequest.gateway ?? '–'} | ${r.cpuMsPerRequest.subgraphs ?? '–'} |`;
    const rows = Object.entries(f).map(([name, r]) => row(name, r));
    const markdown = [
      `# Tidelink benchmark (${new Date().toISOString()})`,
      '',
      `${opts.cases} cases, ${duration} s per run, ${connections} connections, ${opts.gatewayWorkers} gateway worker(s), FollowCase runs interleaved over ${opts.rounds} round(s) (means shown); ${results.machine.cores} cores, Node ${results.machine.node}.`,
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
      `Ratios: median ours ÷ floor ${ratios.medianOursOverFloor}; req/s ours ÷ floor (varied, ${connections}) ${ratios.throughputOursOverFloor}; req/s ours ÷ baseline ${ratios.throughputOursOverBaselineHot} (hot), ${ratios.throughputOursOverBaselineVaried} (varied); gateway CPU per request ours ÷ baseline (varied) ${ratios.gatewayCpuOursOverBaselineVaried}; req/s \`npm start\`'s one process ÷ separate processes (varied) ${ratios.throughputOneProcessOverSeparate}; gateway CPU per request with rate limits ÷ without (limitedVaried32 ÷ oursVaried32, ${process.env.REDIS_URL ? 'Redis' : 'in memory'}) ${ratios.gatewayCpuLimitedOverUnlimited}.`,
      '',
      `RSS after load (MB): gateway ${results.rssMb.gateway}, subgraphs ${results.rssMb.subgraphs}, baseline ${results.rssMb.baseline}; gateway V8 heap in use ${results.gatewayHeapUsedMb}.`,
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
      '',
    ].join('\n');
    if (opts.writeResults) {
      const dir = path.join(PROJECT_ROOT, 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify({ ...results, ratios }, null, 2)}\n`);
      writeFileSync(path.join(dir, 'latest.md'), markdown);
      process.stdout.write(`\n${markdown}\nWrote bench/results/latest.json and latest.md\n`);
    }
    return { ...results, ratios };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (embedded) await embedded.stop();
  }
}

if (require.main === module) {
  runBenchmark(loadConfigOrExit(), options()).catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
