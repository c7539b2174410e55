import 'reflect-metadata';
import { loadConfigOrExit } from '../../platform/config.js';
import type { SubgraphContext } from './context.js';
import { subgraphDatabaseUrl } from './database.js';
import { stopOnSignals } from '../../platform/lifecycle.js';
import { createLogger } from '../../platform/logger.js';
import type { SubgraphModule } from './subgraph.js';
import { startSubgraph } from './subgraph-server.js';

/**
 * Runs one subgraph as its own process (compose, Kubernetes). It needs a real PostgreSQL server:
 * the embedded one is for the one-process `npm start` only.
 */
export async function runStandalone<Context extends SubgraphContext>(module: SubgraphModule<Context>): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(`subgraph-${module.name}`, config.LOG_LEVEL, config.LOG_FILE);
  const own = {
    police: config.POLICE_DATABASE_URL,
    assistance: config.ASSISTANCE_DATABASE_URL,
    prosecution: config.PROSECUTION_DATABASE_URL,
  }[module.name];
  const databaseUrl = subgraphDatabaseUrl(module.name, { shared: config.DATABASE_URL, own });
  if (!databaseUrl) {
    process.stderr.write(
      `Invalid configuration:\n  - DATABASE_URL or ${module.name.toUpperCase()}_DATABASE_URL: required to run the ${module.name} subgraph alone\n`,
    );
    process.exit(1);
  }
  const port = { police: config.POLICE_PORT, assistance: config.ASSISTANCE_PORT, prosecution: config.PROSECUTION_PORT }[module.name];
  try {
    const running = await startSubgraph(module, { config, databaseUrl, port });
    stopOnSignals(() => running.stop(), logger);
  } catch (error) {
    logger.fatal({ err: error }, 'subgraph failed to start');
    process.exit(1);
  }
}
