import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { Gauge, type Registry } from 'prom-client';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AccessLogRecorder } from './access-log/access-log.recorder.js';
import { CALL_HEADER, LOGGED_HEADER, serveSharedReads } from './access-log/shared-read.js';
import { attributedDataSource } from './access-log/write-log.js';
import { ReadLog } from './access-log/read-log.js';
import { TokenVerifier } from '../../platform/auth.js';
import type { Config } from '../../platform/config.js';
import type { SubgraphContext } from './context.js';
import { openDatabase, type Database } from './database.js';
import { appRoleFor } from './database-urls.js';
import { serveGraphQL } from '../../platform/http-server.js';
import { databaseDown, isDatabaseDown } from '../../platform/errors.js';
import { refuseNulCharacters } from './nul-bytes.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import type { SubgraphModule } from './subgraph.js';
import { LookupPeers, ReferenceLookup } from './lookup/lookup.client.js';
import { mountLookup } from './lookup/lookup.server.js';
import { randomRecordIds } from './record-ids.js';

/** The gateway names subgraph operations `<client name>__<subgraph>__<n>`: log the client's name. */
function clientOperationName(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return null;
  return (/^(.*)__\w+__\d+$/.exec(name)?.[1] ?? name).slice(0, 200);
}

/**
 * Writes the request's gated reads before the response leaves. If the log cannot be written, the
 * data is not sent either: no gated read goes unrecorded.
 */
function accessLogWriter(logger: Logger, readLog: ReadLog): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await contextValue.accessLog.flush(readLog);
            // Tells the gateway this answer logged gated reads, so callers that shared it are logged too.
            if (contextValue.accessLog.logged > 0) {
              response.http.headers.set(LOGGED_HEADER, String(contextValue.accessLog.logged));
              response.http.headers.set(CALL_HEADER, contextValue.accessLog.callId);
            }
          } catch (error) {
            logger.error({ err: error }, 'access log write failed; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              // A connection lost to the database is a state to retry, as for any read that loses it.
              response.body.singleResult.errors = [
                isDatabaseDown(error)
                  ? databaseDown()
                  : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
              ];
            }
          }
        },
      };
    },
  };
}

/**
 * Names each write after the mutation that makes it: root mutation fields run one at a time, so the
 * field being resolved is the one writing. Queries add no per-field hook.
 */
function mutationNames(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== OperationTypeNode.MUTATION) return;
          return {
            willResolveField({ info }) {
              if (info.path.prev === undefined) contextValue.accessLog.mutation = info.fieldName;
            },
          };
        },
      };
    },
  };
}

interface PoolStatistics {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Connections of the subgraph's pool: in use, idle, and requests waiting for one (sizing replicas). */
function databasePoolGauge(registry: Registry, database: Database): void {
  new Gauge({
    name: 'tidelink_db_pool_connections',
    help: 'Database pool of this process: connections in use, idle, and clients waiting for one.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = (database.dataSource.driver as PostgresDriver).master as PoolStatistics | undefined;
      if (!pool) return;
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
}

export interface RunningSubgraph {
  name: string;
  databaseUrl: string;
  url: string;
  port: number;
  database: Database;
  /** Points this subgraph's reference checks at its peers (the one-process stack, once all are up). */
  setPeers(urls: { police?: string; assistance?: string }): void;
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
    // Migrations as the owner; the pool as a role that owns nothing (see database.ts).
    appRole: appRoleFor(config, options.databaseUrl),
  });
  try {
    if (options.seedDemo ?? config.SEED_DEMO) {
      if (await module.seedDemo(database.dataSource)) logger.info('demo data loaded');
    }
    const schema = await module.buildSchema();
    const verifier = new TokenVerifier(config);
    // Gated reads are logged by group commit: requests flushing together share one INSERT.
    const readLog = new ReadLog(database.dataSource, { maxInFlight: Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 4)) });
    const peers = new LookupPeers({ police: config.POLICE_URL, assistance: config.ASSISTANCE_URL });
    const server = await serveGraphQL<Context>({
      config,
      logger,
      port: options.port,
      host: options.host,
      source: { schema },
      service: module.name,
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        // No schema declares cache hints and nothing reads them; on by default, it ran a hook on every field resolved.
        ApolloServerPluginCacheControlDisabled(),
        accessLogWriter(logger, readLog),
        mutationNames(),
        refuseNulCharacters<Context>(),
      ],
      // Only the gateway (or a peer subgraph) holding the signing secret is answered; the caller's
      // token is still verified below: the signature says "through the gateway", the token says who.
      requestSignature: { secret: config.SUBGRAPH_SIGNING_SECRET, maxAgeSeconds: config.SUBGRAPH_SIGNATURE_MAX_AGE_SECONDS },
      collectors: (registry) => databasePoolGauge(registry, database),
      routes: (app) => {
        serveSharedReads(app, { config, verifier, dataSource: database.dataSource, logger });
        if (!module.lookups) return;
        mountLookup<Context>(app, {
          config,
          logger,
          verifier,
          handlers: module.lookups,
          readLog,
          // The owner answers from its own data: no further lookups from a lookup.
          createContext: (viewer, requestId) =>
            module.createContext({
              viewer,
              requestId,
              traceparent: null,
              kAnonymity: config.K_ANONYMITY,
              operationName: 'ReferenceCheck',
              dataSource: database.dataSource,
              accessLog: new AccessLogRecorder(viewer, 'ReferenceCheck', requestId),
              references: null,
              recordIds: randomRecordIds,
            }),
        });
      },
      // Every caller's token is verified here too: a subgraph trusts no network position.
      context: async (req, requestId, traceparent) => {
        const viewer = await verifier.verifyAuthorization(req.headers.authorization);
        const operationName = clientOperationName((req.body as { operationName?: unknown } | undefined)?.operationName);
        const accessLog = new AccessLogRecorder(viewer, operationName, requestId);
        return module.createContext({
          viewer,
          requestId,
          traceparent,
          kAnonymity: config.K_ANONYMITY,
          operationName,
          // Every transaction of the request logs its writes under the caller (write-log.ts).
          dataSource: attributedDataSource(database.dataSource, accessLog),
          accessLog,
          references: new ReferenceLookup(config, peers, req.headers.authorization, logger, requestId),
          recordIds: randomRecordIds,
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
      setPeers: (urls) => peers.set(urls),
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
