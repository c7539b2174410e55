import { SignJWT } from 'jose';
import { startTestStack, type TestStack } from '../support/stack.js';

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

  it('does not phone home: the gateway runs with Apollo telemetry disabled', () => {
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });
});
