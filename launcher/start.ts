// First: tracing must be registered before http, pg and express are loaded.
import '../platform/instrument.js';
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RunningGateway } from '../gateway/gateway.js';
import { configureGatewayProcess } from '../gateway/process-settings.js';
import { loadConfigOrExit, type Config } from '../platform/config.js';
import { stopOnce } from '../platform/lifecycle.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../platform/subgraph-names.js';
import type { EmbeddedPostgres } from '../subgraphs/shared/embedded-postgres.js';
import { STOP_SUBGRAPHS, type SubgraphProcessMessage, type SubgraphProcessStart } from './subgraph-protocol.js';

/** The subgraph process as the launcher sees it. */
interface SubgraphProcess {
  child: ChildProcess;
  /** Resolves with the subgraphs' URLs once all three serve; rejects if they cannot start. */
  ready: Promise<Record<SubgraphName, string>>;
  start(message: SubgraphProcessStart): void;
  /** Asks it to drain and exit; resolves with its exit code (killed past the grace time). */
  stop(): Promise<number | null>;
}

/**
 * Forks launcher/subgraph-process.ts at once, so that it loads its modules while this process
 * starts PostgreSQL (mostly the server's own processes) and loads the gateway's. Own process group
 * (detached): Ctrl-C reaches the launcher, which stops the gateway first. Same stdout and stderr.
 */
function forkSubgraphs(config: Config, onUnexpectedExit: (code: number | null, signal: NodeJS.Signals | null) => void): SubgraphProcess {
  const child = fork(path.join(__dirname, 'subgraph-process.js'), [], { detached: true });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping) onUnexpectedExit(code, signal);
      resolve(code);
    });
  });
  const ready = new Promise<Record<SubgraphName, string>>((resolve, reject) => {
    child.on('message', (message: SubgraphProcessMessage) => {
      if (message.type === 'ready') resolve(message.urls);
      else reject(new Error(`the subgraphs could not start: ${message.message}`));
    });
    void exited.then((code) => reject(new Error(`the subgraph process exited (${code}) before it was ready`)));
  });
  // Whoever awaits it handles a rejection; one nobody awaits (a stop during start-up) is no crash.
  ready.catch(() => undefined);
  return {
    child,
    ready,
    start: (message) => child.send(message),
    stop: () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      // Past the subgraphs' own drain (SHUTDOWN_GRACE_MS) and a margin, it is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), config.SHUTDOWN_GRACE_MS + 5000);
      void exited.then(() => clearTimeout(timer));
      if (child.connected) child.send(STOP_SUBGRAPHS);
      else child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The subgraphs' URLs when every port is configured (known before they listen); null with port 0. */
function knownSubgraphUrls(ports: Record<SubgraphName, number>): Record<SubgraphName, string> | null {
  if (SUBGRAPH_NAMES.some((name) => ports[name] === 0)) return null;
  return { police: urlOf(ports.police), assistance: urlOf(ports.assistance), prosecution: urlOf(ports.prosecution) };
}
// As the subgraphs' servers report it (platform/http-server.ts): loopback, whatever HOST they bind.
const urlOf = (port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * `npm start`: embedded PostgreSQL (when no database is configured) and the gateway in this process,
 * the three subgraphs in a second one (launcher/subgraph-process.ts): the deployed shape, in one
 * command, with one log. The tests and the benchmark's SQL counts use launcher/stack.ts, all in one
 * process, to reach into the subgraphs.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('tidelink', config.LOG_LEVEL, config.LOG_FILE);
  // One object for what the callbacks set (locals assigned only in closures stay narrowed to their first value).
  const run: { state: 'starting' | 'running' | 'stopping'; gateway: RunningGateway | null; embedded: EmbeddedPostgres | null } = {
    state: 'starting',
    gateway: null,
    embedded: null,
  };
  const subgraphs = forkSubgraphs(config, (code, signal) => {
    // During start-up its readiness rejects instead (below); once stopping, it is expected.
    if (run.state !== 'running') return;
    run.state = 'stopping';
    // As when the one process died: nothing is left half-running (a gateway without its subgraphs).
    logger.fatal({ code, signal }, 'the subgraph process died; stopping');
    void stopRest(logger, run.gateway, run.embedded).finally(() => process.exit(1));
  });
  const startUp = async () => {
    const ports = { police: config.POLICE_PORT, assistance: config.ASSISTANCE_PORT, prosecution: config.PROSECUTION_PORT };
    // Loaded here, not imported above: the subgraph process is forked first and loads its own
    // modules meanwhile. (This process needs the database layer only for the URLs and the embedded server.)
    const { resolveDatabases } = require('../subgraphs/shared/database-urls.js') as typeof import('../subgraphs/shared/database-urls.js');
    const databases = await resolveDatabases(config, logger);
    run.embedded = databases.embedded;
    subgraphs.start({ type: 'start', databaseUrls: databases.urls, ports });
    const { startGateway, subgraphUrlOverrides } = require('../gateway/gateway.js') as typeof import('../gateway/gateway.js');
    configureGatewayProcess(config);
    // With fixed ports the gateway starts beside the subgraphs (its /ready waits for theirs).
    const own = knownSubgraphUrls(ports) ?? (await subgraphs.ready);
    run.gateway = await startGateway({ config, port: config.PORT, subgraphUrls: { ...own, ...subgraphUrlOverrides(config) } });
    await subgraphs.ready;
  };
  const startup = startUp();
  // Arranged before start-up: a stop asked for meanwhile lets start-up finish, then stops it all.
  const stopNow = stopOnce(async () => {
    run.state = 'stopping';
    await startup.catch(() => undefined);
    await stopAll(logger, run.gateway, subgraphs, run.embedded);
  }, logger);
  process.on('SIGINT', (signal) => stopNow({ signal }));
  process.on('SIGTERM', (signal) => stopNow({ signal }));
  try {
    await startup;
  } catch (error) {
    if (run.state === 'stopping') return;
    run.state = 'stopping';
    logger.fatal({ err: error }, 'Tidelink failed to start');
    await stopAll(logger, run.gateway, subgraphs, run.embedded).catch(() => undefined);
    process.exit(1);
  }
  if (run.state !== 'starting') return;
  run.state = 'running';
  logger.info(
    {
      gateway: run.gateway?.url,
      embeddedPostgres: run.embedded !== null,
      subgraphProcess: subgraphs.child.pid,
      // Since this process started, module loading included (what a user waits for, less npm's own start).
      startupMs: Math.round(performance.now()),
    },
    'Tidelink ready',
  );
}

/** The gateway drains first, then the subgraphs it was calling, then the database they used. */
async function stopAll(logger: Logger, gateway: RunningGateway | null, subgraphs: SubgraphProcess, embedded: EmbeddedPostgres | null) {
  let failed = false;
  try {
    await gateway?.stop();
  } catch (error) {
    logger.error({ err: error }, 'the gateway did not stop cleanly');
    failed = true;
  }
  const code = await subgraphs.stop();
  if (code !== 0) {
    logger.error({ code }, 'the subgraph process did not stop cleanly');
    failed = true;
  }
  await embedded?.stop();
  if (failed) throw new Error('Tidelink did not stop cleanly');
}

/** After the subgraph process died: the gateway and the database. */
async function stopRest(logger: Logger, gateway: RunningGateway | null, embedded: EmbeddedPostgres | null) {
  await Promise.resolve(gateway?.stop()).catch((error: unknown) => logger.error({ err: error }, 'the gateway did not stop cleanly'));
  await embedded?.stop();
}

void main();
