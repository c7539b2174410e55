// First: tracing must be registered before http, pg and express are loaded.
import '../subgraphs/shared/instrument.js';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfigOrExit } from '../subgraphs/shared/config.js';
import { stopOnSignals } from '../subgraphs/shared/lifecycle.js';
import { createLogger } from '../subgraphs/shared/logger.js';
import { startGateway, subgraphUrlOverrides } from './gateway.js';
import { superviseGatewayWorkers } from './workers.js';

/**
 * The gateway alone (compose, Kubernetes): subgraph URLs from the supergraph file or POLICE_URL etc.;
 * with GATEWAY_WORKERS > 1, as that many worker processes on one port.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('gateway', config.LOG_LEVEL, config.LOG_FILE);
  if (config.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
    superviseGatewayWorkers(config.GATEWAY_WORKERS, logger);
    return;
  }
  try {
    const gateway = await startGateway({ config, port: config.PORT, subgraphUrls: subgraphUrlOverrides(config) });
    stopOnSignals(gateway.stop, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  }
}

void main();
