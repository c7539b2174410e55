import { runBenchmark } from '../bench/run.js';
import { loadConfig } from '../subgraphs/shared/config.js';
import { dropDatabase, SUBGRAPH_NAMES, subgraphDatabaseUrl } from '../subgraphs/shared/database.js';
import { buildDist } from './support/build.js';

const databaseName = `tidelink_benchsmoke_${process.pid}`;

/** A few seconds of the real harness on tiny data, so `npm run bench` cannot rot unnoticed. */
describe('benchmark harness (smoke)', () => {
  // The harness runs the services as separate compiled processes, as in production.
  beforeAll(buildDist, 180_000);

  afterAll(async () => {
    const server = new URL(process.env.DATABASE_URL as string);
    server.pathname = `/${databaseName}`;
    for (const name of SUBGRAPH_NAMES) await dropDatabase(subgraphDatabaseUrl(name, { shared: server.toString() }) as string);
  });

  it('seeds, starts gateway, subgraphs and baseline, measures every run and the SQL counts', async () => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const results = await runBenchmark(config, { cases: 20, duration: 1, connections: 4, databaseName, basePort: 4410, writeResults: false });
    for (const [run, result] of Object.entries(results.followCase)) {
      expect({ run, errors: result.errors }).toEqual({ run, errors: 0 });
      expect(result.requestsPerSecond).toBeGreaterThan(0);
    }
    expect(results.deepCases100.errors).toBe(0);
    expect(results.sqlStatementsPerRequest['first: 100']).toEqual(results.sqlStatementsPerRequest['first: 10']);
    expect(results.rssMb.gateway).toBeGreaterThan(0);
    expect(results.ratios.medianOursOverFloor).not.toBeNull();
  }, 180_000);
});
