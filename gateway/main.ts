// First: a cluster worker leaves signals to its primary from its first moment.
import { stopWhenPrimaryAsks } from './worker-control.js';
// Then tracing, which must be registered before http, pg and express are loaded.
import '../platform/instrument.js';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfigOrExit } from '../platform/config.js';
import { stopOnce, stopOnSignals } from '../platform/lifecycle.js';
import { createLogger } from '../platform/logger.js';
import { startGateway, subgraphUrlOverrides, type RunningGateway } from './gateway.js';
import { configureGatewayProcess } from './process-settings.js';
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
  configureGatewayProcess(config);
  // Stopping is arranged before start-up, so that a stop asked for meanwhile is not a hard kill.
  let gateway: RunningGateway | null = null;
  const stop = async () => {
    await gateway?.stop();
  };
  if (cluster.isWorker) stopWhenPrimaryAsks(stopOnce(stop, logger));
  else stopOnSignals(stop, logger);
  try {
    gateway = await startGateway({ config, port: config.PORT, subgraphUrls: subgraphUrlOverrides(config) });
  } catch (error) {
    logger.fatal({ err: error }, 'gateway failed to start');
    process.exit(1);
  }
}

void main();
