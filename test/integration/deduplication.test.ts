import type { QueryRunner } from 'typeorm';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';
import { sessionsWaitingOnLocks, waitFor } from '../support/wait-for.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

async function metric(graphqlUrl: string, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)),
    );
  return line ? Number(line.split(' ').pop()) : 0;
}

/** Requests the police subgraph has answered so far. */
const policeRequests = () =>
  metric(tidelink.stack.subgraphs.police.url, 'tidelink_graphql_request_duration_seconds_count', { service: 'police' });
const policeShared = () => metric(tidelink.stack.gateway.url, 'tidelink_subgraph_deduplicated_total', { subgraph: 'police' });

/**
 * Holds every police query on a table lock, so that requests sent meanwhile are all in flight
 * together; lets go once `reached` says they all have reached their police call.
 */
async function withPoliceHeld<T>(
  table: string,
  send: () => Promise<T>,
  reached: { what: string; check: () => Promise<boolean> },
): Promise<T> {
  const runner: QueryRunner = tidelink.stack.subgraphs.police.database.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  try {
    const pending = send();
    await waitFor(reached.check, { what: reached.what });
    await runner.rollbackTransaction();
    return await pending;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/** Police sessions waiting on the held lock (asked on a pooled connection, outside the lock's transaction). */
const policeWaiting = () => sessionsWaitingOnLocks(tidelink.stack.subgraphs.police.database.dataSource);

describe('identical subgraph reads in flight together share one call, per caller', () => {
  it('six identical FollowCase requests of one prosecutor reach police once; an IOM officer gets its own call and answer', async () => {
    const prosecutor = await tidelink.token('PROSECUTOR', 'DOM');
    const iom = await tidelink.token('IOM', 'DOM');
    const follow = (token: string) =>
      tidelink.query<{ case: Record<string, unknown> }>(FOLLOW_CASE, { variables: { id: MONA_PASSAGE_CASE_ID }, token });

    // Police calls of one FollowCase on its own (the plan may visit police more than once).
    const before = await policeRequests();
    const alone = await follow(prosecutor);
    const perRequest = (await policeRequests()) - before;
    expect(perRequest).toBeGreaterThan(0);
    // IOM's plan visits police less often (issue 12: it gets no defendants, so no suspects to resolve).
    const beforeIom = await policeRequests();
    await follow(iom);
    const perIomRequest = (await policeRequests()) - beforeIom;
    expect(perIomRequest).toBeGreaterThan(0);

    const sharedBefore = await policeShared();
    const requestsBefore = await policeRequests();
    const answers: Array<GraphQLResponse<{ case: Record<string, unknown> }>> = await withPoliceHeld(
      'cases',
      () => Promise.all([...Array.from({ length: 6 }, () => follow(prosecutor)), follow(iom)]),
      {
        what: "the five later prosecutors to join the first one's police call, and the IOM officer's call to wait at police",
        check: async () => (await policeShared()) - sharedBefore >= 5 && (await policeWaiting()) >= 2,
      },
    );

    // One call for the six prosecutors, one for the IOM officer.
    expect((await policeRequests()) - requestsBefore).toBe(perRequest + perIomRequest);
    expect((await policeShared()) - sharedBefore).toBe(5 * perRequest);
    const prosecutors = answers.slice(0, 6);
    for (const answer of prosecutors) {
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual(alone.body.data);
    }
    // IOM sees the migrants' identities, which the prosecutor is refused: its answer is its own.
    const iomAnswer = answers[6];
    expect(iomAnswer.body.data?.case.reference).toBe('DOM-2026-0142');
    expect(iomAnswer.body.data).not.toEqual(alone.body.data);
  });

  it('mutations are never shared: four identical openCase calls in flight together all reach police', async () => {
    const police = await tidelink.token('POLICE', 'DOM');
    const openCase = () =>
      tidelink.query<{ openCase: { id: string } }>(
        'mutation($input: OpenCaseInput!, $key: String) { openCase(input: $input, idempotencyKey: $key) { id } }',
        {
          variables: {
            input: { reference: 'DOM-2026-DEDUP', leadCountry: 'DOM', offences: ['SMUGGLING_OF_MIGRANTS'] },
            key: 'dedup-test-open-case',
          },
          token: police,
        },
      );
    const sharedBefore = await policeShared();
    const requestsBefore = await policeRequests();
    const answers = await withPoliceHeld('cases', () => Promise.all(Array.from({ length: 4 }, openCase)), {
      what: 'the four openCase calls to wait at police',
      check: async () => (await policeWaiting()) >= 4,
    });

    expect((await policeRequests()) - requestsBefore).toBe(4);
    expect((await policeShared()) - sharedBefore).toBe(0);
    // The idempotency key, not the gateway, makes the four one case.
    const ids = new Set(answers.map((answer) => answer.body.data?.openCase.id));
    expect(answers.map((answer) => answer.body.errors ?? [])).toEqual([[], [], [], []]);
    expect(ids.size).toBe(1);
  });
});
