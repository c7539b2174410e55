import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { mintToken } from '../platform/auth.js';
import { loadConfigOrExit, type Config } from '../platform/config.js';
import { childrenOf, openDatabaseMeter, type DatabaseMeter } from './database-meter.js';
import { z } from 'zod';
import {
  benchOptionsOrExit,
  openBenchServer,
  prepareData,
  sharedBenchFlags,
  sharedBenchOptions,
  sharedBenchValues,
  startProcess,
  waitFor,
} from './processes.js';
import {
  FOLLOW_CASE,
  NO_LIMITS,
  benchSubgraphUrls,
  checkFollowCase,
  exited,
  interleaved,
  load,
  measured,
  portsFrom,
  startBenchSubgraphs,
  startOneProcess,
  startTidelinkGateway,
  warmUp,
  type MeasuredRun,
} from './run.js';

interface Options {
  cases: number;
  duration: number;
  connections: number;
  rounds: number;
  basePort: number;
  /** Extra environment for the one process (e.g. to try a setting). */
  oneProcessEnv: Record<string, string>;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      ...sharedBenchFlags({ cases: 3000, duration: 10, connections: 32, rounds: 2, basePort: 4310 }),
      env: { type: 'string', multiple: true, default: [] },
    },
  });
  return benchOptionsOrExit(
    z.object({
      ...sharedBenchOptions,
      oneProcessEnv: z.record(z.string(), z.string()),
    }),
    {
      ...sharedBenchValues(values),
      oneProcessEnv: Object.fromEntries(values.env.map((pair) => [pair.split('=')[0], pair.split('=').slice(1).join('=')])),
    },
    'Usage: node dist/bench/one-process.js [--cases N] [--duration s] [--connections N] [--rounds N] [--base-port P] [--env NAME=value …]\n',
  );
}

/** CPU per request of every process of the run (the launcher's figure already holds its subgraph process's). */
const total = (run: MeasuredRun) => {
  const { launcher, ...others } = run.cpuMsPerRequest;
  const sum = launcher ?? Object.values(others).reduce((all, ms) => all + ms, 0);
  return Math.round(sum * 100) / 100;
};

/**
 * Issue 15 item 4, alone (a few minutes, not the full bench's ten): the varied FollowCase at N
 * clients through the separate processes (gateway + the bench's subgraph process) and through
 * `npm start`'s one process, interleaved over rounds on the same data, with each side's CPU per
 * request. Equal CPU per request with half the req/s means one core against two.
 */
async function main(config: Config, opts: Options): Promise<void> {
  const PORTS = portsFrom(opts.basePort);
  const postgres = await openBenchServer(config.DATABASE_URL, opts.basePort, 'tidelink_bench');
  const { embedded, server, runUrl: benchUrl } = postgres;
  const children: ChildProcess[] = [];
  let meter: DatabaseMeter | null = null;
  try {
    process.stdout.write(`preparing ${opts.cases} cases…\n`);
    const ids = await prepareData(benchUrl, opts.cases);
    meter = await openDatabaseMeter(server, 'tidelink_bench', embedded?.dataDir ?? null);
    const token = await mintToken(config, { subject: 'bench', agency: 'PROSECUTOR', country: 'DOM' });
    const secret = config.SUBGRAPH_SIGNING_SECRET;
    const urls = benchSubgraphUrls(PORTS, secret);
    const subgraphs = await startBenchSubgraphs(benchUrl, PORTS, secret);
    children.push(subgraphs);
    const gateway = await startTidelinkGateway(PORTS, 1, urls);
    children.push(gateway);
    const startedAt = performance.now();
    const npmStart = startOneProcess(PORTS, benchUrl, secret, [], opts.oneProcessEnv);
    children.push(npmStart);
    await waitFor(`http://127.0.0.1:${PORTS.oneProcess}/ready`);
    process.stdout.write(`npm start's processes ready after ${Math.round(performance.now() - startedAt)} ms (polled /ready)\n`);
    // The whole stack on one event loop (launcher/stack.ts), on the ports the full bench gives the
    // baseline and the Hive gateways (not started here).
    const stackPorts = {
      PORT: String(PORTS.baseline),
      POLICE_PORT: String(PORTS.hive),
      ASSISTANCE_PORT: String(PORTS.hiveNoDedup),
      PROSECUTION_PORT: String(PORTS.limitedGateway),
    };
    const oneLoop = await startProcess(
      'bench/stack-process.js',
      {
        DATABASE_URL: benchUrl,
        SEED_DEMO: 'false',
        HOST: '127.0.0.1',
        SUBGRAPH_SIGNING_SECRET: secret,
        ...NO_LIMITS,
        ...stackPorts,
        ...opts.oneProcessEnv,
      },
      /stack ready/,
    );
    children.push(oneLoop);
    const [subgraphProcess] = npmStart.pid ? childrenOf(npmStart.pid) : [];
    const separateUrl = `http://127.0.0.1:${PORTS.gateway}/graphql`;
    const npmStartUrl = `http://127.0.0.1:${PORTS.oneProcess}/graphql`;
    const oneLoopUrl = `http://127.0.0.1:${PORTS.baseline}/graphql`;
    for (const url of [separateUrl, npmStartUrl, oneLoopUrl]) await checkFollowCase(url, token, ids[0]);
    const body = (id: string) => JSON.stringify({ query: FOLLOW_CASE, variables: { id } });
    const warm = Math.min(3, opts.duration);
    for (const url of [separateUrl, npmStartUrl, oneLoopUrl]) await warmUp(url, token, warm, body, ids);
    const db = { meter };
    const results = await interleaved(
      {
        separate: () =>
          measured(
            { gateway: gateway.pid, subgraphs: subgraphs.pid },
            () => load(separateUrl, token, opts.connections, opts.duration, body, ids),
            db,
          ),
        // The launcher's figure includes its child's (the subgraph process, its only child with DATABASE_URL set).
        npmStart: () =>
          measured(
            { launcher: npmStart.pid, subgraphs: subgraphProcess },
            () => load(npmStartUrl, token, opts.connections, opts.duration, body, ids),
            db,
          ),
        oneLoop: () => measured({ process: oneLoop.pid }, () => load(oneLoopUrl, token, opts.connections, opts.duration, body, ids), db),
      },
      opts.rounds,
    );
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const line = (name: string, run: MeasuredRun) =>
      `| ${name} | ${run.requestsPerSecond.toFixed(1)} | ${run.medianMs.toFixed(0)} | ${run.errors} | ${JSON.stringify(run.cpuMsPerRequest)} | ${total(run)} | ${run.database?.postgresCpuMs ?? '–'} | ${run.database?.statements ?? '–'} |`;
    process.stdout.write(
      [
        '',
        `${opts.cases} cases, varied FollowCase, ${opts.connections} clients, ${opts.duration} s × ${opts.rounds} round(s) interleaved (means)${Object.keys(opts.oneProcessEnv).length ? `; one process with ${JSON.stringify(opts.oneProcessEnv)}` : ''}`,
        '',
        '| run | req/s | median ms | errors | CPU ms/req by process | CPU ms/req total | PostgreSQL CPU ms/req | statements/req |',
        '|---|---|---|---|---|---|---|---|',
        line('separate (gateway + subgraphs)', results.separate),
        line('npm start (gateway + a subgraph process)', results.npmStart),
        line('one event loop (launcher/stack.ts)', results.oneLoop),
        '',
        `npm start ÷ separate: req/s ${ratio(results.npmStart.requestsPerSecond, results.separate.requestsPerSecond)}, CPU ms/req ${ratio(total(results.npmStart), total(results.separate))}`,
        `one event loop ÷ separate: req/s ${ratio(results.oneLoop.requestsPerSecond, results.separate.requestsPerSecond)}, CPU ms/req ${ratio(total(results.oneLoop), total(results.separate))}`,
        '',
      ].join('\n'),
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await meter?.close();
    await postgres.stop();
  }
}

if (require.main === module) {
  main(loadConfigOrExit(), options()).catch((error: unknown) => {
    process.stderr.write(`one-process bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
