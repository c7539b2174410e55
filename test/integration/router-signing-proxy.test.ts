import { readFile } from 'node:fs/promises';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { startSigningProxy, type SigningProxy } from '../../gateway/signing-proxy.js';
import { createLogger } from '../../platform/logger.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The signing sidecar for a supergraph served by Apollo Router: a gateway that signs nothing (here the
 * stock @apollo/gateway standing in for the Router binary, which this machine does not have) reaches
 * the subgraphs through it, and FollowCase comes back as through Tidelink's own gateway.
 */
let tidelink: TestStack;
let proxy: SigningProxy;
let unsigned: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  tidelink = await startTestStack();
  const { police, assistance, prosecution } = tidelink.stack.subgraphs;
  proxy = await startSigningProxy({
    port: 0,
    upstreams: { police: police.url, assistance: assistance.url, prosecution: prosecution.url },
    secret: tidelink.config.SUBGRAPH_SIGNING_SECRET,
    maxBodyBytes: tidelink.config.MAX_BODY_BYTES,
    timeoutMs: 5000,
    logger: createLogger('signing-proxy', 'silent'),
  });
  // As Router's override_subgraph_url does: each subgraph at the sidecar's /<name>.
  const gateway = new ApolloGateway({
    supergraphSdl: await readFile(tidelink.config.SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) =>
      new (class extends RemoteGraphQLDataSource<{ authorization: string }> {
        override willSendRequest({
          request,
          context,
        }: Parameters<RemoteGraphQLDataSource<{ authorization: string }>['willSendRequest'] & object>[0]) {
          if ('authorization' in context) request.http?.headers.set('authorization', context.authorization);
        }
      })({ url: `${proxy.url}/${name}` }),
  });
  const server = new ApolloServer<{ authorization: string }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization ?? '' }),
  });
  unsigned = { url, stop: () => server.stop() };
});
afterAll(async () => {
  await unsigned?.stop();
  await proxy?.stop();
  await tidelink?.stop();
});

describe('the signing sidecar (Apollo Router deployments)', () => {
  it('without it, a gateway that signs nothing is refused by every subgraph', async () => {
    for (const name of ['police', 'assistance', 'prosecution'] as const) {
      const direct = await tidelink.subgraphQuery(name, '{ __typename }', { signed: false });
      expect(direct.status).toBe(401);
    }
  });

  it('with it, FollowCase through an unsigned gateway equals FollowCase through Tidelink’s gateway', async () => {
    const token = await tidelink.token('PROSECUTOR', 'DOM');
    const options = { variables: { id: MONA_PASSAGE_CASE_ID }, token, operationName: 'FollowCase' };
    const [ours, theirs] = await Promise.all([
      tidelink.query(FOLLOW_CASE, options),
      tidelink.query(FOLLOW_CASE, { ...options, url: unsigned.url }),
    ]);
    expect(theirs.status).toBe(200);
    expect((theirs.body.data as { case?: { reference?: string } } | undefined)?.case?.reference).toBe('DOM-2026-0142');
    expect(theirs.body.data).toEqual(ours.body.data);
    for (const error of theirs.body.errors ?? []) expect(error.extensions?.code).not.toBe('UNAUTHENTICATED');
  });

  it('still passes the caller’s token on: the subgraph verifies it, the sidecar grants nothing', async () => {
    const response = await fetch(`${proxy.url}/police`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string; reason?: string } }> };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Refused for the missing token, not the signature.
    expect(body.errors[0].extensions.reason).toBeUndefined();
  });

  it('listens on loopback only, knows only the three subgraphs, and signs only POST', async () => {
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${proxy.url}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${proxy.url}/police`)).status).toBe(405);
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
  });
});
