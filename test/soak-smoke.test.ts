import { loadConfig } from '../platform/config.js';
import { runSoak } from '../bench/soak.js';

/**
 * Fifteen seconds of `npm run soak` with twelve clients (two of each agency) on tiny data, so the harness cannot rot unnoticed
 * (the soak itself is ten minutes and not part of `npm test`). It starts its own compiled processes
 * on free ports and drops its databases afterwards.
 */
describe('soak harness (smoke)', () => {
  it('drives every agency, writes with keys, and its SQL and pool checks pass', async () => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const result = await runSoak(config, {
      minutes: 0.25,
      clients: 12,
      cases: 10,
      sampleSeconds: 1,
      rssSlopeLimit: 2,
      writeResults: false,
    });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.writes).toBeGreaterThan(0);
    // Timeouts on a loaded machine are the soak's to report, not this test's; the bookkeeping is.
    const memory = /RSS|native memory|JavaScript heap/;
    const bookkeeping = result.checks.filter((check) => !memory.test(check.name) && !/error/.test(check.name));
    expect(bookkeeping).toHaveLength(19);
    for (const check of bookkeeping)
      expect({ name: check.name, passed: check.passed, detail: check.detail }).toMatchObject({ passed: true });
    // Memory per process: RSS troughs and native heap for all four, the live JavaScript heap for the
    // three subgraphs (from their /metrics). Fifteen seconds is under four minutes: shown, not judged.
    const memoryChecks = result.checks.filter((check) => memory.test(check.name));
    expect(memoryChecks.map((check) => check.name.split(':')[0]).sort()).toEqual([
      'assistance',
      'assistance',
      'assistance',
      'gateway',
      'gateway',
      'police',
      'police',
      'police',
      'prosecution',
      'prosecution',
      'prosecution',
    ]);
    expect(memoryChecks.every((check) => check.judged === false)).toBe(true);
    for (const check of memoryChecks) expect(check.detail).toMatch(/-?\d+\.\d\d MB/);
  }, 240_000);
});
