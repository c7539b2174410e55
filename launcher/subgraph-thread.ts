// First: each thread has its own modules, so tracing is registered here too, before http and pg load.
import '../platform/instrument.js';
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../platform/config.js';
import type { SubgraphName } from '../platform/subgraph-names.js';
import { stopTracing } from '../platform/tracing.js';
import { assistanceSubgraph } from '../subgraphs/assistance/assistance.subgraph.js';
import { policeSubgraph } from '../subgraphs/police/police.subgraph.js';
import { prosecutionSubgraph } from '../subgraphs/prosecution/prosecution.subgraph.js';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/shared/subgraph-server.js';
import type { ThreadMessage, ThreadOrder, SubgraphThreadData } from './thread-protocol.js';

/** One subgraph of `npm start`, in a thread of its own so that it has an event loop (and a core) of its own. */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('subgraph-thread runs only as a worker thread of the launcher');
  const data = workerData as SubgraphThreadData;
  const post = (message: ThreadMessage) => port.postMessage(message);
  let running: RunningSubgraph;
  try {
    running = await start(data.name, data.config, data.databaseUrl, data.port);
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.on('message', (order: ThreadOrder) => {
    if (order.kind === 'peers') running.setPeers(order.urls);
    if (order.kind === 'stop') {
      void running
        .stop()
        .then(() => stopTracing())
        .then(() => post({ kind: 'stopped' }))
        .finally(() => port.close());
    }
  });
  post({ kind: 'ready', url: running.url, port: running.port });
}

function start(name: SubgraphName, config: Config, databaseUrl: string, port: number): Promise<RunningSubgraph> {
  const options = { config, databaseUrl, port };
  if (name === 'police') return startSubgraph(policeSubgraph, options);
  if (name === 'assistance') return startSubgraph(assistanceSubgraph, options);
  return startSubgraph(prosecutionSubgraph, options);
}

void main();
