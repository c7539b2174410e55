import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { SignJWT } from 'jose';
import { demoId, kind } from '../../subgraphs/demo/ids.js';
import { DEVELOPMENT_SUBGRAPH_SIGNING_SECRET } from '../../platform/config.js';
import { signedJson } from '../../platform/http-server.js';
import { createLogger } from '../../platform/logger.js';
import { signedJsonPost } from '../../platform/signed-post.js';
import { SIGNATURE_HEADER, SIGNATURE_TIMESTAMP_HEADER, signRequest } from '../../platform/request-signing.js';
import type { SubgraphName } from '../../platform/subgraph-names.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * Subgraphs trust only the gateway (issue 12, item 3): a caller holding a perfectly valid token
 * still cannot talk to a subgraph directly, so cannot read `_service`, internal fields, or forge
 * `_entities` representations (`@requires` data) the gateway alone is meant to send.
 */
let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

const SUBGRAPHS: SubgraphName[] = ['police', 'assistance', 'prosecution'];
const SDL = 'query { _service { sdl } }';

function refusedWith(response: GraphQLResponse, reason: string): void {
  expect(response.status).toBe(401);
  expect(response.body.data).toBeUndefined();
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
}

describe.each(SUBGRAPHS)('the %s subgraph, called directly with a valid token', (subgraph) => {
  it('answers a call signed as the gateway signs (the checks below are not refusing everything)', async () => {
    const signed = await tidelink.subgraphQuery<{ _service: { sdl: string } }>(subgraph, SDL);
    expect(signed.status).toBe(200);
    expect(signed.body.data?._service.sdl).toContain('@key');
  });

  it('refuses an unsigned call with 401 UNSIGNED_REQUEST: `_service { sdl }` included', async () => {
    const unsigned = await tidelink.subgraphQuery(subgraph, SDL, { signed: false });
    refusedWith(unsigned, 'UNSIGNED_REQUEST');
    expect(JSON.stringify(unsigned.body)).not.toContain('@key');
    // Only one of the two headers is no signature either.
    const timestampOnly = await tidelink.subgraphQuery(subgraph, SDL, {
      signed: false,
      headers: { [SIGNATURE_TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)) },
    });
    refusedWith(timestampOnly, 'UNSIGNED_REQUEST');
  });

  it('refuses a signature older (or newer) than SUBGRAPH_SIGNATURE_MAX_AGE_SECONDS with STALE_SIGNATURE', async () => {
    const maxAgeMs = tidelink.config.SUBGRAPH_SIGNATURE_MAX_AGE_SECONDS * 1000;
    refusedWith(await tidelink.subgraphQuery(subgraph, SDL, { sign: { nowMs: Date.now() - maxAgeMs - 5000 } }), 'STALE_SIGNATURE');
    refusedWith(await tidelink.subgraphQuery(subgraph, SDL, { sign: { nowMs: Date.now() + maxAgeMs + 5000 } }), 'STALE_SIGNATURE');
    // Within the window (clock skew between gateway and subgraph) it is accepted.
    expect((await tidelink.subgraphQuery(subgraph, SDL, { sign: { nowMs: Date.now() - maxAgeMs / 2 } })).status).toBe(200);
  });

  it('refuses a signature moved to another body, another token, or made with another secret: BAD_SIGNATURE', async () => {
    const otherBody = JSON.stringify({ query: 'query { __typename }' });
    refusedWith(await tidelink.subgraphQuery(subgraph, SDL, { sign: { body: otherBody } }), 'BAD_SIGNATURE');
    // The gateway signed a call for a DOM police officer; replayed with an ITA prosecutor's (valid) token.
    const officer = `Bearer ${await tidelink.token('POLICE', 'DOM')}`;
    const prosecutor = await tidelink.token('PROSECUTOR', 'ITA');
    refusedWith(await tidelink.subgraphQuery(subgraph, SDL, { token: prosecutor, sign: { authorization: officer } }), 'BAD_SIGNATURE');
    refusedWith(await tidelink.subgraphQuery(subgraph, SDL, { sign: { secret: 'x'.repeat(40) } }), 'BAD_SIGNATURE');
    refusedWith(await tidelink.subgraphQuery(subgraph, SDL, { headers: { [SIGNATURE_HEADER]: 'v1=not-hex' } }), 'BAD_SIGNATURE');
  });

  it('keeps /health, /ready and /metrics open (probes and scrapers sign nothing)', async () => {
    const base = tidelink.stack.subgraphs[subgraph].url;
    for (const path of ['/health', '/ready', '/metrics']) expect((await fetch(new URL(path, base))).status).toBe(200);
  });
});

describe('GET on a subgraph', () => {
  const get = async (signed: boolean) => {
    const url = new URL(tidelink.stack.subgraphs.police.url);
    url.searchParams.set('query', '{ __typename }');
    const authorization = `Bearer ${await tidelink.token()}`;
    const signature = signed
      ? signRequest(tidelink.config.SUBGRAPH_SIGNING_SECRET, {
          method: 'GET',
          path: `${url.pathname}${url.search}`,
          authorization,
          body: '',
        })
      : {};
    const response = await fetch(url, { headers: { authorization, 'apollo-require-preflight': 'true', ...signature } });
    return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
  };

  it('is answered only when signed over the path with its query string and an empty body', async () => {
    const unsigned = await get(false);
    expect(unsigned.status).toBe(401);
    expect(unsigned.body.errors?.[0].extensions?.reason).toBe('UNSIGNED_REQUEST');
    const signed = await get(true);
    expect(signed.status).toBe(200);
    expect(signed.body.data).toEqual({ __typename: 'Query' });
  });
});

describe('forged `_entities` representations', () => {
  // What only the gateway should send: the assistance subgraph's consent, as @requires data.
  const FORGED = `query($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Prosecution { testifyingWitnesses { id role } } }
  }`;
  const representations = [
    {
      __typename: 'Prosecution',
      id: demoId(kind.prosecution, 1),
      witnessMigrants: [{ __typename: 'Migrant', id: demoId(kind.migrant, 1), testimonyConsent: true }],
    },
  ];

  it('a prosecutor calling the prosecution subgraph directly with `witnessMigrants { testimonyConsent: true }` is refused before Apollo', async () => {
    const prosecutor = await tidelink.token('PROSECUTOR', 'DOM');
    const forged = await tidelink.subgraphQuery('prosecution', FORGED, {
      token: prosecutor,
      variables: { representations },
      signed: false,
    });
    refusedWith(forged, 'UNSIGNED_REQUEST');
    expect(JSON.stringify(forged.body)).not.toMatch(/testifyingWitnesses|role/);
  });

  it('internal fields (`witnessMigrants`) answer no direct caller', async () => {
    const internal = await tidelink.subgraphQuery(
      'prosecution',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Prosecution { witnessMigrants { id } } } }',
      {
        token: await tidelink.token('PROSECUTOR', 'DOM'),
        variables: { r: [{ __typename: 'Prosecution', id: demoId(kind.prosecution, 1) }] },
        signed: false,
      },
    );
    refusedWith(internal, 'UNSIGNED_REQUEST');
  });
});

describe('through the gateway', () => {
  it('FollowCase still follows end to end: every subgraph call the gateway makes is signed', async () => {
    const { status, body } = await tidelink.query<{
      case: { reference: string; migrants: unknown[]; prosecution: { stage: string } | null };
    }>(FOLLOW_CASE, {
      variables: { id: MONA_PASSAGE_CASE_ID },
      token: await tidelink.token('PROSECUTOR', 'DOM'),
      operationName: 'FollowCase',
    });
    expect(status).toBe(200);
    expect(body.data?.case.reference).toBe('DOM-2026-0142');
    expect(body.data?.case.migrants.length).toBeGreaterThan(0);
    expect(body.data?.case.prosecution?.stage).toEqual(expect.any(String));
    for (const error of body.errors ?? []) expect(error.extensions?.code).not.toBe('UNAUTHENTICATED');
  });

  it("the gateway's /ready probes the subgraphs unsigned, and they answer", async () => {
    const ready = await fetch(new URL('/ready', tidelink.stack.gateway.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ subgraphs: { police: 'ready', assistance: 'ready', prosecution: 'ready' } });
  });
});

describe('field suggestions', () => {
  const TYPO = 'query { casse(first: 1) { nodes { id } } }';
  const ENUM_TYPO = 'query { cases(first: 1, filter: { status: OPENN }) { nodes { id } } }';

  it('outside production a signed caller gets "Did you mean" (so the production check below can fail)', async () => {
    for (const query of [TYPO, ENUM_TYPO, SDL.replace('_service', '_servce')]) {
      const { body } = await tidelink.subgraphQuery('police', query);
      expect(body.errors?.[0].message).toMatch(/Did you mean/);
    }
  });

  it('never answer an unsigned direct caller', async () => {
    const { body } = await tidelink.subgraphQuery('police', TYPO, { signed: false });
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|cases/);
  });

  describe('in production', () => {
    let production: TestStack;
    beforeAll(async () => {
      production = await startTestStack({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-of-enough-length-0123456789',
        SUBGRAPH_SIGNING_SECRET: 'a-production-signing-secret-of-enough-length-9876',
      });
    });
    afterAll(async () => {
      await production?.stop();
    });

    it('are off on subgraphs too, even for a signed caller, field and enum suggestions alike', async () => {
      for (const subgraph of SUBGRAPHS) {
        const { body } = await production.subgraphQuery(subgraph, 'query { _servce { sdl } }');
        expect(body.errors?.[0].message).toMatch(/Cannot query field "_servce"/);
        expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
      }
      for (const query of [TYPO, ENUM_TYPO]) {
        const { body } = await production.subgraphQuery('police', query);
        expect(body.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
      }
      const gateway = await production.query(TYPO);
      expect(JSON.stringify(gateway.body)).not.toMatch(/Did you mean/);
    });

    it('the production gateway signs with the production secret: the development one is refused', async () => {
      const dev = await production.subgraphQuery('police', SDL, { sign: { secret: DEVELOPMENT_SUBGRAPH_SIGNING_SECRET } });
      refusedWith(dev, 'BAD_SIGNATURE');
      const { status, body } = await production.query('query { cases(first: 1) { nodes { id } } }');
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    });
  });
});

describe('signedJsonPost (subgraph-to-subgraph calls, e.g. reference lookups)', () => {
  it('is answered by a subgraph as the gateway is; the wrong secret is refused', async () => {
    const url = tidelink.stack.subgraphs.police.url;
    const authorization = `Bearer ${await tidelink.token('PROSECUTOR', 'DOM')}`;
    const answer = await signedJsonPost(url, { query: '{ __typename }' }, authorization, tidelink.config.SUBGRAPH_SIGNING_SECRET, 2000);
    expect(answer).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    const wrong = await signedJsonPost(url, { query: '{ __typename }' }, authorization, 'w'.repeat(40), 2000);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'BAD_SIGNATURE' } }] });
    // The caller's token is still verified on a signed call.
    const anonymous = await signedJsonPost(url, { query: '{ __typename }' }, undefined, tidelink.config.SUBGRAPH_SIGNING_SECRET, 2000);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});

describe('tokens at the gateway and at each subgraph (issue 12, item 7)', () => {
  const timed = (iat: number, exp: number) =>
    new SignJWT({ agency: 'POLICE', country: 'DOM' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(tidelink.config.JWT_ISSUER)
      .setAudience(tidelink.config.JWT_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(tidelink.config.JWT_SECRET));
  const now = () => Math.floor(Date.now() / 1000);
  const QUERY = 'query { cases(first: 1) { nodes { id } } }';

  it.each<[string, () => Promise<string>, string]>([
    ['a 100-year token', () => timed(now(), now() + 100 * 365 * 24 * 3600), 'TOKEN_LIFETIME_TOO_LONG'],
    ['a token issued an hour from now', () => timed(now() + 3600, now() + 7200), 'TOKEN_ISSUED_IN_FUTURE'],
  ])('%s is refused with 401 UNAUTHENTICATED and its reason, by the gateway and by a signed subgraph call', async (_name, make, reason) => {
    const token = await make();
    const gateway = await tidelink.query(QUERY, { token });
    expect(gateway.status).toBe(401);
    expect(gateway.body.data).toBeUndefined();
    expect(gateway.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    for (const subgraph of SUBGRAPHS) {
      const direct = await tidelink.subgraphQuery(subgraph, SDL, { token });
      expect(direct.status).toBe(401);
      expect(direct.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    }
  });

  it('a lower-case country code in a token is refused', async () => {
    const lower = await new SignJWT({ agency: 'POLICE', country: 'dom' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('someone')
      .setIssuer(tidelink.config.JWT_ISSUER)
      .setAudience(tidelink.config.JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(tidelink.config.JWT_SECRET));
    const { status, body } = await tidelink.query(QUERY, { token: lower });
    expect(status).toBe(401);
    expect(body.errors?.[0].message).toMatch(/country/);
  });
});

describe('signedJson: any other route a subgraph serves to peers answers only signed calls', () => {
  it('accepts signedJsonPost, refuses an unsigned POST and a body changed after signing', async () => {
    const secret = tidelink.config.SUBGRAPH_SIGNING_SECRET;
    const app = express();
    app.post(
      '/lookup',
      ...signedJson(10_000, { secret, maxAgeSeconds: 30 }, createLogger('lookup-test', 'silent')),
      (req: express.Request, res: express.Response) => {
        res.json({ seen: req.body });
      },
    );
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lookup`;
    try {
      expect(await signedJsonPost(url, { ids: ['a'] }, 'Bearer t', secret, 2000)).toEqual({ status: 200, body: { seen: { ids: ['a'] } } });
      const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"ids":["a"]}' });
      expect(unsigned.status).toBe(401);
      expect(await unsigned.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'UNSIGNED_REQUEST' } }] });
      const headers = signRequest(secret, { method: 'POST', path: '/lookup', authorization: undefined, body: '{"ids":["a"]}' });
      const changed = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"ids":["b"]}',
      });
      expect(changed.status).toBe(401);
      expect(await changed.json()).toMatchObject({ errors: [{ extensions: { reason: 'BAD_SIGNATURE' } }] });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
