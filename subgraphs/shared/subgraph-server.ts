import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import express from 'express';
import { TokenVerifier } from './auth.js';
import type { Config } from './config.js';
import type { SubgraphContext } from './context.js';
import { openDatabase, type Database } from './database.js';
import { createErrorFormatter } from './errors.js';
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
    const app = express();
    const httpServer = http.createServer(app);
    const apollo = new ApolloServer<Context>({
      schema,
      csrfPrevention: true,
      // Signals are handled once for the whole process (lifecycle.ts), which stops servers in order.
      stopOnTerminationSignals: false,
      introspection: config.NODE_ENV !== 'production',
      formatError: createErrorFormatter(logger),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
      ],
    });
    await apollo.start();

    app.get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    });
    app.get('/ready', async (_req, res) => {
      try {
        await database.dataSource.query('/* ready.ping */ SELECT 1');
        res.json({ status: 'ready', database: 'ok' });
      } catch {
        res.status(503).json({ status: 'unavailable', database: 'unreachable' });
      }
    });
    app.use(
      '/graphql',
      express.json({ limit: '1mb' }),
      expressMiddleware(apollo, {
        // Every caller is verified here, even the gateway: a subgraph trusts no network position.
        context: async ({ req }) => {
          const viewer = await verifier.verifyAuthorization(req.headers.authorization);
          const operationName = typeof req.body?.operationName === 'string' ? req.body.operationName : null;
          return module.createContext(database.dataSource, viewer, operationName);
        },
      }),
    );

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host ?? config.HOST, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/graphql`;
    logger.info({ port }, 'subgraph listening');
    return {
      name: module.name,
      url,
      port,
      database,
      stop: async () => {
        await apollo.stop();
        await database.dataSource.destroy();
        logger.info('subgraph stopped');
      },
    };
  } catch (error) {
    await database.dataSource.destroy();
    throw error;
  }
}
