import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { useTidelinkSigning } from '../../gateway/hive-signing.js';
import type { Agency } from '../../platform/auth.js';
import { valueAt, type Path } from '../support/paths.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * Parity with The Guild's Hive Gateway, the documented alternative to Tidelink's own gateway: the
 * same checked-in supergraph, the same running subgraphs, the caller's headers passed on, and
 * FollowCase must come back the same for callers who see different things.
 */

/** What a partner sends that each subgraph must see, as Tidelink's gateway passes it on. */
const FORWARDED_HEADERS = ['authorization', 'x-request-id', 'traceparent'] as const;

interface HiveGateway {
  url: string;
  stop(): Promise<void>;
}

/** Hive Gateway in this process on a free port, over the checked-in supergraph and this test's subgraphs. */
async function startHiveGateway(tidelink: TestStack): Promise<HiveGateway> {
  // The very file Tidelink's gateway loaded (SUPERGRAPH_PATH), not a recomposition.
  const supergraph = await readFile(tidelink.config.SUPERGRAPH_PATH, 'utf8');
  const { police, assistance, prosecution } = tidelink.stack.subgraphs;
  const runtime = createGatewayRuntime({
    supergraph,
    // The file's join__graph urls name localhost:4001–4003; this test's subgraphs are on free ports.
    // Hive's documented per-subgraph transport entry replaces only the location.
    transportEntries: {
      police: { location: police.url },
      assistance: { location: assistance.url },
      prosecution: { location: prosecution.url },
    },
    // Subgraphs verify the caller's token themselves; without this Hive would call them anonymously.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => Object.fromEntries(FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
    },
    // The subgraphs answer only signed calls: Tidelink's signature, added by our Hive plugin.
    plugins: () => [useTidelinkSigning(tidelink.config.SUBGRAPH_SIGNING_SECRET)],
    logging: false,
  });
  // Hive's runtime is a Node request listener by design (its documented use) and answers its own errors.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  const server = createServer(runtime);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // fetch keeps connections alive; close() alone would wait for them to idle out.
      server.closeAllConnections();
      await closed;
      await runtime.dispose();
    },
  };
}

type Answer = GraphQLResponse['body'];

/**
 * Where an error shows in the response: its path, cut at the first position the response does not
 * have. A denied non-null field nulls its parent; Tidelink's gateway (Apollo) reports an entity's
 * denial at the entity (`…suspect`), Hive at the field the subgraph refused (`…suspect.alias`). Both
 * name the same null; anything pointing at a position that exists is compared as sent.
 */
function shownAt(data: Answer['data'], path: Path): Path {
  for (let length = path.length; length > 0; length -= 1) {
    const prefix = path.slice(0, length);
    if (valueAt(data, prefix) !== undefined) return prefix;
  }
  return [];
}

interface Denial {
  at: Path;
  code: unknown;
  reason: unknown;
}

/** Every error of an answer as (position, code, reason), in a stable order. */
function denials(answer: Answer): Denial[] {
  return (answer.errors ?? [])
    .map((error) => ({ at: shownAt(answer.data, error.path ?? []), code: error.extensions?.code, reason: error.extensions?.reason }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

let tidelink: TestStack;
let hive: HiveGateway;

beforeAll(async () => {
  tidelink = await startTestStack();
  hive = await startHiveGateway(tidelink);
});
afterAll(async () => {
  await hive?.stop();
  await tidelink?.stop();
});

/** FollowCase on the full-chain demo case, with the same token, through both gateways. */
async function followCaseThroughBoth(token: string | null) {
  const options = { variables: { id: MONA_PASSAGE_CASE_ID }, operationName: 'FollowCase', token };
  const [ours, theirs] = await Promise.all([
    tidelink.query(FOLLOW_CASE, options),
    tidelink.query(FOLLOW_CASE, { ...options, url: hive.url }),
  ]);
  return { ours, theirs };
}

const CALLERS: Array<[Agency, string]> = [
  ['PROSECUTOR', 'DOM'],
  ['IOM', 'DOM'],
  ['POLICE', 'DOM'],
];

describe('Hive Gateway on schema/supergraph.graphql answers FollowCase as Tidelink’s gateway does', () => {
  it.each(CALLERS)('for a %s caller (%s): the same data, and the same denials in the same places', async (agency, country) => {
    const { ours, theirs } = await followCaseThroughBoth(await tidelink.token(agency, country));
    expect(theirs.status).toBe(200);
    expect(ours.status).toBe(200);
    // Not an empty comparison: the case itself arrives, with something withheld from every one of these callers.
    expect(valueAt(ours.body.data, ['case', 'reference'])).toBe('DOM-2026-0142');
    expect(theirs.body.data).toEqual(ours.body.data);

    const expected = denials(ours.body);
    expect(expected.length).toBeGreaterThan(0);
    expect(denials(theirs.body)).toEqual(expected);
    // Each denial is a field that came back null with FORBIDDEN, never UNAUTHENTICATED: the subgraphs
    // behind Hive saw this caller's token, so the header was forwarded, not dropped.
    for (const denial of denials(theirs.body)) {
      expect(denial.code).toBe('FORBIDDEN');
      expect(valueAt(theirs.body.data, denial.at)).toBeNull();
    }
  });

  it('the callers compared see different things, so agreeing on each is not agreeing on one view', async () => {
    const prosecutor = await followCaseThroughBoth(await tidelink.token('PROSECUTOR', 'DOM'));
    const iom = await followCaseThroughBoth(await tidelink.token('IOM', 'DOM'));
    expect(iom.theirs.body.data).not.toEqual(prosecutor.theirs.body.data);
    expect(denials(iom.theirs.body)).not.toEqual(denials(prosecutor.theirs.body));
  });

  it('refuses a caller without a token with UNAUTHENTICATED, as Tidelink’s gateway does, and shows no case', async () => {
    const { ours, theirs } = await followCaseThroughBoth(null);
    const codes = (answer: Answer) => [...new Set((answer.errors ?? []).map((error) => error.extensions?.code))];
    expect(codes(ours.body)).toEqual(['UNAUTHENTICATED']);
    expect(codes(theirs.body)).toEqual(codes(ours.body));
    // Tidelink's gateway refuses at the door (401, no data). Hive verifies no token itself: the
    // police subgraph refuses the anonymous call, so Hive answers 200 with the case null.
    expect(ours.status).toBe(401);
    expect(ours.body.data).toBeUndefined();
    expect(theirs.body.data).toEqual({ case: null });
    expect(theirs.body.errors?.[0].extensions?.serviceName).toBe('police');
  });
});
