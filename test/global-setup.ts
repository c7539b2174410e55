import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
// No `.js` suffix here: jest loads globalSetup through Node's resolver, without moduleNameMapper.
import { startEmbeddedPostgres } from '../subgraphs/shared/embedded-postgres';
import { createLogger } from '../platform/logger';

/**
 * Tests run on a real PostgreSQL: the one DATABASE_URL names, else the embedded server started here
 * once for the whole run (workers inherit DATABASE_URL). Each test file creates its own uniquely
 * named databases on it and drops them afterwards.
 */
export default async function globalSetup(): Promise<void> {
  // Some tests run the services as compiled processes, as production does (the benchmark smoke,
  // gateway workers): compile once for the whole run (incremental, so a second run is quick).
  const root = path.join(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], { cwd: root, stdio: 'inherit' });
  if (process.env.DATABASE_URL) return;
  const embedded = await startEmbeddedPostgres({
    dataDir: process.env.EMBEDDED_PG_TEST_DIR ?? '.data/test-postgres',
    port: Number(process.env.EMBEDDED_PG_TEST_PORT ?? 5489),
    logger: createLogger('test-postgres', 'warn'),
  });
  process.env.DATABASE_URL = embedded.url;
  (globalThis as { __tidelinkTestPostgres?: typeof embedded }).__tidelinkTestPostgres = embedded;
}
