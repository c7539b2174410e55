import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import { AccessLogRecorder } from './access-log/access-log.recorder.js';
import { TokenVerifier } from './auth.js';
import type { Config } from './config.js';
import type { SubgraphContext } from './context.js';
import { openDatabase, type Database } from './database.js';
import { serveGraphQL } from './http-server.js';
import { createLogger, type Logger } from './logger.js';
import type { SubgraphModule } from './subgraph.js';

/** The gateway names subgraph operations `<client name>__<subgraph>__<n>`: log the client's name. */
function clientOperationName(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return null;
  return (/^(.*)__\w+__\d+$/.exec(name)?.[1] ?? name).slice(0, 200);
}

/**
 * Writes the request's gated reads before the response leaves. If the log cannot be written, the
 * data is not sent either: no gated read goes unrecorded.
 */
function accessLogWriter(logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await contextValue.accessLog.flush(contextValue.dataSource);
          } catch (error) {
            logger.error({ err: error }, 'access log write failed; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}

export interface RunningSubgraph {
  name: string;
  databaseUrl: string;
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
  const logger = createLogger(`subgraph-${module.name}`, config.LOG_LEVEL, config.LOG_FILE);
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
      service: module.name,
      plugins: [ApolloServerPluginInlineTraceDisabled(), accessLogWriter(logger)],
      // Every caller is verified here, even the gateway: a subgraph trusts no network position.
      context: async (req, requestId, traceparent) => {
        const viewer = await verifier.verifyAuthorization(req.headers.authorization);
        const operationName = clientOperationName(req.body?.operationName);
        return module.createContext({
          viewer,
          requestId,
          traceparent,
          kAnonymity: config.K_ANONYMITY,
          operationName,
          dataSource: database.dataSource,
          accessLog: new AccessLogRecorder(viewer, operationName),
        });
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
      databaseUrl: options.databaseUrl,
      url: server.url,
      port: server.port,
      database,
      stop: async () => {
        if (!database.dataSource.isInitialized) return;
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
