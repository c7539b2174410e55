import http from 'node:http';
import { prosecutionSubgraph } from '../../subgraphs/prosecution/prosecution.subgraph.js';
import { startSubgraph } from '../../subgraphs/shared/subgraph-server.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
const TIMEOUT_MS = 1500;

beforeAll(async () => {
  tidelink = await startTestStack({ SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) });
});
afterAll(async () => {
  await tidelink?.stop();
});

async function followCase() {
  return tidelink.query<{ case: Record<string, unknown> & { prosecution: unknown; migrants: unknown[] } }>(FOLLOW_CASE, {
    variables: { id: MONA_PASSAGE_CASE_ID },
    token: await tidelink.token('PROSECUTOR', 'DOM'),
  });
}

describe('one agency down or slow costs only its own fields', () => {
  it('a stopped subgraph: the rest still arrives, with an error naming it; back when it returns, no restart', async () => {
    const prosecution = tidelink.stack.subgraphs.prosecution;
    const port = prosecution.port;
    await prosecution.stop();

    const down = await followCase();
    expect(down.status).toBe(200);
    expect(down.body.data?.case.reference).toBe('DOM-2026-0142');
    expect(down.body.data?.case.migrants).toHaveLength(4);
    expect(down.body.data?.case.prosecution).toBeNull();
    const unavailable = (down.body.errors ?? []).filter((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable[0].extensions).toMatchObject({ subgraph: 'prosecution', reason: 'UNREACHABLE' });
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|localhost/);

    // The same subgraph comes back on the same port; the gateway needs nothing.
    const restarted = await startSubgraph(prosecutionSubgraph, {
      config: tidelink.config,
      databaseUrl: prosecution.databaseUrl,
      port,
      seedDemo: false,
    });
    tidelink.stack.subgraphs.prosecution = restarted;
    const up = await followCase();
    for (const error of up.body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(up.body.data?.case.prosecution).toMatchObject({ stage: 'INDICTMENT' });
  });

  it('a subgraph slower than the timeout: the rest arrives within the timeout and a small margin', async () => {
    // Make the assistance subgraph hang for real: hold a lock its queries must wait for.
    const assistance = tidelink.stack.subgraphs.assistance.database.dataSource;
    const runner = assistance.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('LOCK TABLE migrants IN ACCESS EXCLUSIVE MODE');
    try {
      const started = performance.now();
      const slow = await followCase();
      const elapsed = performance.now() - started;
      expect(slow.status).toBe(200);
      expect(slow.body.data?.case.reference).toBe('DOM-2026-0142');
      expect(slow.body.data?.case.migrants).toBeNull();
      expect(slow.body.data?.case.prosecution).toMatchObject({ stage: 'INDICTMENT' });
      expect((slow.body.errors ?? []).find((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE')?.extensions).toMatchObject({
        subgraph: 'assistance',
        reason: 'TIMEOUT',
      });
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});

describe('a subgraph answering what is not a GraphQL answer', () => {
  it.each([
    ['null', 'null'],
    ['an array', '[]'],
  ])('a 200 whose JSON body is %s: its fields are null with SUBGRAPH_UNAVAILABLE, not null with no error', async (_kind, body) => {
    const prosecution = tidelink.stack.subgraphs.prosecution;
    const port = prosecution.port;
    await prosecution.stop();
    const impostor = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(body);
      });
    });
    await new Promise<void>((resolve) => impostor.listen(port, '127.0.0.1', () => resolve()));
    try {
      const answer = await followCase();
      expect(answer.status).toBe(200);
      expect(answer.body.data?.case.reference).toBe('DOM-2026-0142');
      expect(answer.body.data?.case.prosecution).toBeNull();
      const unavailable = (answer.body.errors ?? []).filter((error) => error.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
      expect(unavailable.length).toBeGreaterThan(0);
      expect(unavailable[0].extensions).toMatchObject({ subgraph: 'prosecution', reason: 'UNREACHABLE' });
    } finally {
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
      tidelink.stack.subgraphs.prosecution = await startSubgraph(prosecutionSubgraph, {
        config: tidelink.config,
        databaseUrl: prosecution.databaseUrl,
        port,
        seedDemo: false,
      });
    }
  });
});
