import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const ROOT = path.join(__dirname, '..', '..');

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

const QUERY = 'query { cases(first: 1) { nodes { id } } }';

async function forged(): Promise<string> {
  return new SignJWT({ agency: 'POLICE', country: 'DOM' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('intruder')
    .setIssuer(tidelink.config.JWT_ISSUER)
    .setAudience(tidelink.config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('not-the-secret-but-long-enough-to-sign-with'));
}

describe('authentication', () => {
  it('refuses the gateway without a token with 401 UNAUTHENTICATED and no data', async () => {
    const { status, body } = await tidelink.query(QUERY, { token: null });
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged token at the gateway', async () => {
    const { status, body } = await tidelink.query(QUERY, { token: await forged() });
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(['police', 'assistance', 'prosecution'] as const)(
    'the %s subgraph verifies tokens itself: none and forged are refused, a valid one is served',
    async (name) => {
      // Signed as the gateway signs: the token is checked on top of the signature.
      const none = await tidelink.subgraphQuery(name, 'query { _service { sdl } }', { token: null });
      expect(none.status).toBe(401);
      expect(none.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const bad = await tidelink.subgraphQuery(name, 'query { _service { sdl } }', { token: await forged() });
      expect(bad.status).toBe(401);
      expect(bad.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const good = await tidelink.subgraphQuery<{ _service: { sdl: string } }>(name, 'query { _service { sdl } }');
      expect(good.status).toBe(200);
      expect(good.body.data?._service.sdl).toContain('@key');
    },
  );

  it('forwards the caller token: subgraph entity calls made by the gateway succeed', async () => {
    const { body } = await tidelink.query('query { cases(first: 2) { nodes { id migrants { code } prosecution { id } } } }');
    expect(body.errors).toBeUndefined();
    expect((body.data as { cases: { nodes: unknown[] } }).cases.nodes).toHaveLength(2);
  });
});

describe('health and readiness', () => {
  it('/health answers cheaply and /ready reports each subgraph', async () => {
    const base = new URL(tidelink.stack.gateway.url);
    const health = await fetch(new URL('/health', base));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/ready', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      supergraph: 'loaded',
      subgraphs: { police: 'ready', assistance: 'ready', prosecution: 'ready' },
    });
    const subgraphReady = await fetch(new URL('/ready', tidelink.stack.subgraphs.police.url));
    expect(await subgraphReady.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('does not phone home: the gateway process, started from its entry point, connects to its subgraphs only', async () => {
    // Every outbound connection of the child (http, https, fetch and undici all go through
    // net.Socket#connect) is appended to a file. With Apollo's telemetry on, @apollo/gateway probes
    // cloud metadata hosts at start and sends its usage report to usage-reporting.api.apollographql.com
    // when it stops: both would be recorded here.
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tidelink-outbound-'));
    const recorder = path.join(folder, 'record-connections.cjs');
    const record = path.join(folder, 'connections.txt');
    await writeFile(
      recorder,
      `const fs = require('node:fs');
const net = require('node:net');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const target = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  fs.appendFileSync(${JSON.stringify(record)}, (target.path ?? (target.host ?? 'localhost') + ':' + target.port) + '\\n');
  return connect.apply(this, args);
};
`,
    );
    const { police, assistance, prosecution } = tidelink.stack.subgraphs;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      GATEWAY_WORKERS: '1',
      POLICE_URL: police.url,
      ASSISTANCE_URL: assistance.url,
      PROSECUTION_URL: prosecution.url,
    };
    // The test's own process has it set by its stack: the entry point must set it for itself.
    delete env.APOLLO_TELEMETRY_DISABLED;
    const gateway = spawn(process.execPath, ['-r', recorder, path.join(ROOT, 'dist', 'gateway', 'main.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const exited = new Promise<number | null>((resolve) => gateway.once('exit', (code) => resolve(code)));
      const port = await new Promise<number>((resolve, reject) => {
        let output = '';
        gateway.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const listening = /"port":(\d+)[^\n]*"msg":"gateway listening"/.exec(output);
          if (listening) resolve(Number(listening[1]));
        });
        void exited.then((code) => reject(new Error(`the gateway exited (${String(code)}) before listening:\n${output}`)));
      });
      const { status, body } = await tidelink.query<{ case: { reference: string } | null }>(FOLLOW_CASE, {
        variables: { id: MONA_PASSAGE_CASE_ID },
        token: await tidelink.token('PROSECUTOR', 'DOM'),
        url: `http://127.0.0.1:${port}/graphql`,
      });
      expect(status).toBe(200);
      expect(body.data?.case?.reference).toBe('DOM-2026-0142');
      gateway.kill('SIGTERM');
      expect(await exited).toBe(0);
      const connections = [...new Set((await readFile(record, 'utf8')).trim().split('\n'))];
      const subgraphs = [police, assistance, prosecution].map((subgraph) => new URL(subgraph.url).host);
      // The recorder works: it saw the calls to the subgraphs. And it saw nothing else.
      expect(connections).toEqual(expect.arrayContaining(subgraphs));
      expect(connections.filter((connection) => !subgraphs.includes(connection))).toEqual([]);
    } finally {
      if (gateway.exitCode === null) gateway.kill('SIGKILL');
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
