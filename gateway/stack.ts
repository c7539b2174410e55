import 'reflect-metadata';
import { assistanceSubgraph } from '../subgraphs/assistance/assistance.subgraph.js';
import type { Config } from '../subgraphs/shared/config.js';
import { subgraphDatabaseUrl, type SubgraphName } from '../subgraphs/shared/database.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../subgraphs/shared/embedded-postgres.js';
import { createLogger } from '../subgraphs/shared/logger.js';
import type { SubgraphModule } from '../subgraphs/shared/subgraph.js';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/shared/subgraph-server.js';
import { policeSubgraph } from '../subgraphs/police/police.subgraph.js';
import { prosecutionSubgraph } from '../subgraphs/prosecution/prosecution.subgraph.js';
import { startGateway, subgraphUrlOverrides, type RunningGateway } from './gateway.js';

export interface Stack {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  embedded: EmbeddedPostgres | null;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Ports of gateway and subgraphs; 0 picks free ones (tests). */
  ports?: { gateway: number; police: number; assistance: number; prosecution: number };
}

/** The database URL for each subgraph: own URL, else DATABASE_URL's server, else the embedded server. */
function databaseUrlsFrom(config: Config, sharedUrl: string | undefined): Record<SubgraphName, string | undefined> {
  return {
    police: subgraphDatabaseUrl('police', { shared: sharedUrl, own: config.POLICE_DATABASE_URL }),
    assistance: subgraphDatabaseUrl('assistance', { shared: sharedUrl, own: config.ASSISTANCE_DATABASE_URL }),
    prosecution: subgraphDatabaseUrl('prosecution', { shared: sharedUrl, own: config.PROSECUTION_DATABASE_URL }),
  };
}

/** Everything in one process: embedded PostgreSQL when no database is configured, three subgraphs, the gateway. */
export async function startStack(config: Config, options: StackOptions = {}): Promise<Stack> {
  const logger = createLogger('tidelink', config.LOG_LEVEL);
  const ports = options.ports ?? {
    gateway: config.PORT,
    police: config.POLICE_PORT,
    assistance: config.ASSISTANCE_PORT,
    prosecution: config.PROSECUTION_PORT,
  };
  let urls = databaseUrlsFrom(config, config.DATABASE_URL);
  let embedded: EmbeddedPostgres | null = null;
  if (Object.values(urls).some((url) => url === undefined)) {
    embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT, logger });
    const server = new URL(embedded.url);
    server.pathname = '/tidelink';
    urls = databaseUrlsFrom(config, server.toString());
  }
  const started: RunningSubgraph[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.map((subgraph) => subgraph.stop()));
    if (embedded) await embedded.stop();
  };
  try {
    const start = (module: SubgraphModule, name: SubgraphName) =>
      startSubgraph(module, { config, databaseUrl: urls[name] as string, port: ports[name] }).then((running) => {
        started.push(running);
        return running;
      });
    const [police, assistance, prosecution] = await Promise.all([
      start(policeSubgraph, 'police'),
      start(assistanceSubgraph, 'assistance'),
      start(prosecutionSubgraph, 'prosecution'),
    ]);
    const gateway = await startGateway({
      config,
      port: ports.gateway,
      subgraphUrls: { police: police.url, assistance: assistance.url, prosecution: prosecution.url, ...subgraphUrlOverrides(config) },
    });
    return {
      gateway,
      subgraphs: { police, assistance, prosecution },
      embedded,
      stop: async () => {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
