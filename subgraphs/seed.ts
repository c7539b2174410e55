import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { assistanceSubgraph } from './assistance/assistance.subgraph.js';
import { seedSynthetic } from './demo/synthetic.js';
import { policeSubgraph } from './police/police.subgraph.js';
import { prosecutionSubgraph } from './prosecution/prosecution.subgraph.js';
import { loadConfigOrExit } from '../platform/config.js';
import { openDatabase, type Database } from './shared/database.js';
import { resolveDatabases } from './shared/database-urls.js';
import { createLogger } from '../platform/logger.js';

const USAGE = 'Usage: npm run seed -- --cases <N>   (1 to 1,000,000 synthetic cases, added to the configured databases)';

/** `npm run seed -- --cases N`: a large synthetic data set for benchmarks, on the same databases `npm start` uses. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string' }, seed: { type: 'string', default: '2026' } } });
  const cases = Number(values.cases);
  const seed = Number(values.seed);
  if (!Number.isInteger(cases) || cases < 1 || cases > 1_000_000 || !Number.isInteger(seed)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const logger = createLogger('seed', config.LOG_LEVEL, config.LOG_FILE);
  const { urls, embedded } = await resolveDatabases(config, logger);
  const opened: Database[] = [];
  try {
    const open = async (module: typeof policeSubgraph | typeof assistanceSubgraph | typeof prosecutionSubgraph) => {
      const database = await openDatabase({
        url: urls[module.name],
        poolSize: 2,
        entities: module.entities,
        migrations: module.migrations,
        logger,
      });
      opened.push(database);
      await module.seedDemo(database.dataSource);
      return database.dataSource;
    };
    const started = performance.now();
    const counts = await seedSynthetic(
      { police: await open(policeSubgraph), assistance: await open(assistanceSubgraph), prosecution: await open(prosecutionSubgraph) },
      cases,
      seed,
    );
    logger.info({ ...counts, ms: Math.round(performance.now() - started) }, 'synthetic data added');
  } finally {
    await Promise.all(opened.map((database) => database.dataSource.destroy()));
    if (embedded) await embedded.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
