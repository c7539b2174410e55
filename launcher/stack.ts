import 'reflect-metadata';
import type { Config } from '../platform/config.js';
import type { SubgraphName } from '../platform/subgraph-names.js';
import { resolveDatabases } from '../subgraphs/shared/database-urls.js';
import type { EmbeddedPostgres } from '../subgraphs/shared/embedded-postgres.js';
import { createLogger } from '../platform/logger.js';
import type { RunningSubgraph } from '../subgraphs/shared/subgraph-server.js';
import { startGateway, subgraphUrlOverrides, type RunningGateway } from '../gateway/gateway.js';
import { configureGatewayProcess } from '../gateway/process-settings.js';
import { startSubgraphs } from './subgraphs.js';

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

/**
 * Everything in one process: embedded PostgreSQL when no database is configured, three subgraphs, the
 * gateway. The stack is its process's gateway, whoever starts it (npm start, the tests, the
 * benchmark), so it applies the gateway's process settings itself.
 */
export async function startStack(config: Config, options: StackOptions = {}): Promise<Stack> {
  configureGatewayProcess(config);
  const logger = createLogger('tidelink', config.LOG_LEVEL, config.LOG_FILE);
  const ports = options.ports ?? {
    gateway: config.PORT,
    police: config.POLICE_PORT,
    assistance: config.ASSISTANCE_PORT,
    prosecution: config.PROSECUTION_PORT,
  };
  const { urls, embedded } = await resolveDatabases(config, logger);
  const started: RunningSubgraph[] = [];
  const stopAll = async () => {
    await Promise.allSettled(started.map((subgraph) => subgraph.stop()));
    if (embedded) await embedded.stop();
  };
  try {
    const { police, assistance, prosecution } = await startSubgraphs(config, urls, ports, started);
    const subgraphUrls = { police: police.url, assistance: assistance.url, prosecution: prosecution.url, ...subgraphUrlOverrides(config) };
    const gateway = await startGateway({ config, port: ports.gateway, subgraphUrls });
    const stack: Stack = {
      gateway,
      subgraphs: { police, assistance, prosecution },
      embedded,
      // Stops whatever subgraphs the stack holds now (a test may have replaced one).
      stop: async () => {
        await gateway.stop();
        await Promise.allSettled([...new Set([...started, ...Object.values(stack.subgraphs)])].map((subgraph) => subgraph.stop()));
        if (embedded) await embedded.stop();
      },
    };
    return stack;
  } catch (error) {
    await stopAll();
    throw error;
  }
}
