import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { TokenVerifier } from './auth.js';
import type { Config } from './config.js';
import type { SubgraphContext } from './context.js';
import { openDatabase, type Database } from './database.js';
import { serveGraphQL } from './http-server.js';
import { createLogger } from './logger.js';
import type { SubgraphModule } from './subgraph.js';

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  database: Database;
  stop(): Promise<void>;
}

export interface SubgraphStartOptions {
  config: Config;
  databaseUrl: string;
  port: number;
  host?: string;
  seedDemo?: boolean;
}

/** Opens the subgraph's database (migrations applied), seeds the demo if empty, serves /graphql. */
export async function startSubgraph<Context extends SubgraphContext>(
  module: SubgraphModule<Context>,
  options: SubgraphStartOptions,
): Promise<RunningSubgraph> {
  const { config } = options;
  const logger = createLogger(`subgraph-${module.name}`, config.LOG_LEVEL);
  const database = await openDatabase({
    url: options.databaseUrl,
    poolSize: config.DATABASE_POOL_SIZE,
    entities: module.entities,
    migrations: module.migrations,
    logger,
  });
  try {
    if (options.seedDemo ?? config.SEED_DEMO) {
      if (await module.seedDemo(database.dataSource)) logger.info('demo data loaded');
    }
    const schema = await module.buildSchema();
    const verifier = new TokenVerifier(config);
    const server = await serveGraphQL<Context>({
      config,
      logger,
      port: options.port,
      host: options.host,
      source: { schema },
      plugins: [ApolloServerPluginInlineTraceDisabled()],
      // Every caller is verified here, even the gateway: a subgraph trusts no network position.
      context: async (req) => {
        const viewer = await verifier.verifyAuthorization(req.headers.authorization);
        const operationName = typeof req.body?.operationName === 'string' ? req.body.operationName : null;
        return module.createContext(database.dataSource, viewer, operationName);
      },
      readiness: async () => {
        try {
          await database.dataSource.query('/* ready.ping */ SELECT 1');
          return { ready: true, details: { database: 'ok' } };
        } catch {
          return { ready: false, details: { database: 'unreachable' } };
        }
      },
    });
    logger.info({ port: server.port }, 'subgraph listening');
    return {
      name: module.name,
      url: server.url,
      port: server.port,
      database,
      stop: async () => {
        await server.stop();
        await database.dataSource.destroy();
        logger.info('subgraph stopped');
      },
    };
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
}
