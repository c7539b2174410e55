import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Config } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/subgraph-names.js';
import { resolveDatabases } from '../subgraphs/shared/database-urls.js';
import type { EmbeddedPostgres } from '../subgraphs/shared/embedded-postgres.js';
import { startGateway, subgraphUrlOverrides, type RunningGateway } from '../gateway/gateway.js';
import { configureGatewayProcess } from '../gateway/process-settings.js';
import type { SubgraphThreadData, ThreadMessage, ThreadOrder } from './thread-protocol.js';

export interface ThreadedStack {
  gateway: RunningGateway;
  subgraphUrls: Record<SubgraphName, string>;
  embedded: EmbeddedPostgres | null;
  stop(): Promise<void>;
}

interface SubgraphThread {
  name: SubgraphName;
  url: string;
  order(order: ThreadOrder): void;
  stop(): Promise<void>;
}

const THREAD_STOP_TIMEOUT_MS = 15_000;

/**
 * `npm start`'s one process: the gateway on the main thread and each subgraph on a worker thread of
 * its own. One event loop for all four served about half of what separate processes served on two
 * cores (issue 15): the work is CPU-bound JavaScript, and a thread is the only way one process uses
 * more than one core. Each thread loads its own modules, database pool and metrics; nothing is
 * shared between them but the process.
 */
export async function startThreadedStack(config: Config, onThreadExit: (name: SubgraphName, code: number) => void): Promise<ThreadedStack> {
  configureGatewayProcess(config);
  const logger = createLogger('tidelink', config.LOG_LEVEL, config.LOG_FILE);
  const { urls, embedded } = await resolveDatabases(config, logger);
  const ports: Record<SubgraphName, number> = {
    police: config.POLICE_PORT,
    assistance: config.ASSISTANCE_PORT,
    prosecution: config.PROSECUTION_PORT,
  };
  const settled = await Promise.allSettled(
    SUBGRAPH_NAMES.map((name) => startThread({ name, config, databaseUrl: urls[name], port: ports[name] }, onThreadExit)),
  );
  const threads = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stopThreads = () => Promise.allSettled(threads.map((thread) => thread.stop()));
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) {
    await stopThreads();
    if (embedded) await embedded.stop();
    throw failure.reason;
  }
  const byName = Object.fromEntries(threads.map((thread) => [thread.name, thread.url])) as Record<SubgraphName, string>;
  const subgraphUrls = { ...byName, ...subgraphUrlOverrides(config) };
  // Started in parallel, so each learns its peers' URLs (for reference checks) only now, before any request.
  for (const thread of threads) thread.order({ kind: 'peers', urls: { police: subgraphUrls.police, assistance: subgraphUrls.assistance } });
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({ config, port: config.PORT, subgraphUrls });
  } catch (error) {
    await stopThreads();
    if (embedded) await embedded.stop();
    throw error;
  }
  return {
    gateway,
    subgraphUrls,
    embedded,
    stop: async () => {
      await gateway.stop();
      await stopThreads();
      if (embedded) await embedded.stop();
    },
  };
}

function startThread(data: SubgraphThreadData, onThreadExit: (name: SubgraphName, code: number) => void): Promise<SubgraphThread> {
  const worker = new Worker(path.join(__dirname, 'subgraph-thread.js'), { workerData: data });
  let stopping = false;
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(new Error(`subgraph ${data.name} did not start: ${error.message}`));
    worker.once('error', failed);
    worker.once('exit', (code) => {
      if (!stopping) {
        failed(new Error(`its thread exited (${code})`));
        onThreadExit(data.name, code);
      }
    });
    const onMessage = (message: ThreadMessage) => {
      if (message.kind === 'failed') {
        failed(new Error(message.message));
        void worker.terminate();
        return;
      }
      if (message.kind !== 'ready') return;
      worker.off('message', onMessage);
      worker.off('error', failed);
      resolve({
        name: data.name,
        url: message.url,
        order: (order) => worker.postMessage(order),
        stop: () =>
          new Promise<void>((done) => {
            stopping = true;
            const timer = setTimeout(() => void worker.terminate().then(() => done()), THREAD_STOP_TIMEOUT_MS);
            worker.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            worker.postMessage({ kind: 'stop' } satisfies ThreadOrder);
          }),
      });
    };
    worker.on('message', onMessage);
  });
}
