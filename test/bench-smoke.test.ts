import { runBenchmark } from '../bench/run.js';
import { loadConfig } from '../platform/config.js';
import { dropDatabase, SUBGRAPH_NAMES, subgraphDatabaseUrl } from '../subgraphs/shared/database.js';

const databaseName = `tidelink_benchsmoke_${process.pid}`;

/** A few seconds of the real harness on tiny data, so `npm run bench` cannot rot unnoticed. */
describe('benchmark harness (smoke)', () => {
  // The harness runs the services as separate compiled processes, as in production (jest's global setup compiles them).
  afterAll(async () => {
    const server = new URL(process.env.DATABASE_URL as string);
    server.pathname = `/${databaseName}`;
    for (const name of SUBGRAPH_NAMES) await dropDatabase(subgraphDatabaseUrl(name, { shared: server.toString() }) as string);
  });

  it('seeds, starts gateway, subgraphs, baseline and Hive, measures every run, PostgreSQL’s share and the SQL counts, profiles', async () => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const results = await runBenchmark(config, {
      cases: 20,
      // Two seconds: on a loaded machine a one-second run can end before its first answer.
      duration: 2,
      connections: 4,
      databaseName,
      basePort: 4410,
      writeResults: false,
      gatewayWorkers: 1,
      rounds: 1,
      profile: true,
    });
    // null only with `only` (the subgraph runs alone), not asked for here.
    if (!results) throw new Error('the full bench answered no results');
    for (const [run, result] of Object.entries(results.followCase)) {
      expect({ run, errors: result.errors }).toEqual({ run, errors: 0 });
      expect(result.requestsPerSecond).toBeGreaterThan(0);
    }
    expect(results.deepCases100.errors).toBe(0);
    // The analysis file's reads: search always; links once the schema has Case.links (null until then).
    expect(results.analysis.searchVaried.errors).toBe(0);
    expect(results.analysis.searchVaried.requestsPerSecond).toBeGreaterThan(0);
    expect(results.analysis.searchVaried.cpuMsPerRequest.gateway).toBeGreaterThan(0);
    expect(results.explain.search.statements).toBeGreaterThanOrEqual(1);
    if (results.analysis.links20) {
      expect(results.analysis.links20.errors).toBe(0);
      expect(results.sqlStatementsPerLinksRequest?.['first: 100']).toEqual(results.sqlStatementsPerLinksRequest?.['first: 10']);
    }
    expect(results.sqlStatementsPerRequest['first: 100']).toEqual(results.sqlStatementsPerRequest['first: 10']);
    expect(results.rssMb.gateway).toBeGreaterThan(0);
    // CPU per request is read from /proc for each process; EXPLAIN covered the reads a request sends.
    expect(results.followCase.oursVaried32.cpuMsPerRequest.gateway).toBeGreaterThan(0);
    expect(results.followCase.baselineVaried32.cpuMsPerRequest.gateway).toBeGreaterThan(0);
    expect(results.explain.followCase.statements).toBeGreaterThan(5);
    expect(results.explain.deep100.statements).toBeGreaterThan(3);
    expect(results.ratios.medianOursOverFloor).not.toBeNull();
    // The limiter's cost: the same runs through a gateway counting every request's budget.
    expect(results.followCase.limitedVaried32.cpuMsPerRequest.gateway).toBeGreaterThan(0);
    expect(results.ratios.gatewayCpuLimitedOverUnlimited).not.toBeNull();

    // Issue 15: PostgreSQL's own CPU, statements and SQL time per request, for every run through the bench's subgraph process.
    expect(['pg_stat_statements', 'store layer']).toContain(results.database.statements);
    const throughSubgraphProcess = { ...results.followCase, deepCases100: results.deepCases100 } as Record<string, unknown>;
    delete throughSubgraphProcess.oneProcessVaried32;
    for (const [run, result] of Object.entries(throughSubgraphProcess) as Array<[string, typeof results.deepCases100]>) {
      const figures = result.database;
      expect({ run, cpu: typeof figures?.postgresCpuMs, time: typeof figures?.executionMs }).toEqual({
        run,
        cpu: 'number',
        time: 'number',
      });
      expect({ run, statements: figures?.statements ?? 0 }).toEqual({ run, statements: expect.any(Number) as number });
      expect(figures?.statements).toBeGreaterThan(0);
    }
    expect(results.followCase.oneProcessVaried32.database?.postgresCpuMs).toEqual(expect.any(Number));
    // Hive Gateway, deduplication on and off, on the same subgraphs.
    for (const run of ['hiveHot32', 'hiveVaried32', 'hiveNoDedupHot32', 'hiveNoDedupVaried32'] as const) {
      expect({ run, errors: results.followCase[run].errors }).toEqual({ run, errors: 0 });
      expect(results.followCase[run].cpuMsPerRequest.gateway).toBeGreaterThan(0);
    }
    // Every goal of issue 15 gets a figure and a verdict.
    expect(results.goals).toHaveLength(10);
    for (const goal of results.goals) {
      expect({ goal: goal.goal, value: typeof goal.value, met: typeof goal.met }).toEqual({
        goal: goal.goal,
        value: 'number',
        met: 'boolean',
      });
    }
    // --profile: each process's top self-time functions, under each profiled run.
    for (const run of ['followCaseVaried32', 'deep100'] as const) {
      for (const service of ['gateway', 'subgraphs'] as const) {
        const summary = results.profiles?.[run][service];
        expect(summary?.top.length).toBeGreaterThan(0);
        expect(summary?.busyMs).toBeGreaterThan(0);
      }
    }
  }, 600_000);
});
