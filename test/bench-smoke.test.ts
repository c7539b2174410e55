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

  it('seeds, starts gateway, subgraphs and baseline, measures every run and the SQL counts', async () => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const results = await runBenchmark(config, {
      cases: 20,
      duration: 1,
      connections: 4,
      databaseName,
      basePort: 4410,
      writeResults: false,
      gatewayWorkers: 1,
      rounds: 1,
    });
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
  }, 180_000);
});
