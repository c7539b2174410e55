import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Client } from 'pg';
import type { ReadRow } from '../../subgraphs/shared/access-log/access-log.store.js';
import { ReadLog } from '../../subgraphs/shared/access-log/read-log.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The access log's reads by group commit (read-log.ts), on the police subgraph's real database:
 * requests flushing together share INSERTs, each waits for its own rows' commit, and one bad row
 * fails only its own request.
 */
let tidelink: TestStack;
let dataSource: DataSource;

beforeAll(async () => {
  // No deduplication at the gateway: ten identical reads are ten subgraph calls, each logging its own rows.
  tidelink = await startTestStack({ SUBGRAPH_DEDUPLICATION: 'false' });
  dataSource = tidelink.stack.subgraphs.police.database.dataSource;
});
afterAll(async () => {
  await tidelink?.stop();
});

function rowsOf(requestId: string, count: number, actor: string | null = 'read-log-test'): ReadRow[] {
  return Array.from({ length: count }, () => ({
    actor: actor as string,
    agency: 'POLICE',
    country: 'DOM',
    entity_type: 'Case',
    entity_id: randomUUID(),
    fields: ['reference'],
    decision: 'ALLOWED' as const,
    reason: null,
    operation_name: 'ReadLogTest',
    request_id: requestId,
    call_id: randomUUID(),
  }));
}

/** Rows of the given requests as another session sees them, with the transaction that wrote each. */
async function committed(requestIds: string[]): Promise<Array<{ request_id: string; xid: string }>> {
  const sql = new Client({ connectionString: tidelink.stack.subgraphs.police.databaseUrl });
  await sql.connect();
  try {
    return (
      await sql.query<{ request_id: string; xid: string }>(
        'SELECT request_id, xmin::text AS xid FROM access_log WHERE request_id = ANY($1) ORDER BY request_id',
        [requestIds],
      )
    ).rows;
  } finally {
    await sql.end();
  }
}

describe('the read log: gated reads by group commit', () => {
  it('requests flushing together share INSERTs, and each is committed when its promise resolves', async () => {
    const readLog = new ReadLog(dataSource, { maxInFlight: 2 });
    const ids = Array.from({ length: 20 }, (_, n) => `read-log-together-${n}-${randomUUID()}`);
    await Promise.all(ids.map((id) => readLog.append(rowsOf(id, 3))));
    const rows = await committed(ids);
    expect(rows).toHaveLength(60);
    // Two went at once (two INSERTs in flight); the 18 that waited went together in one more.
    const transactions = new Set(rows.map((row) => row.xid));
    expect(transactions.size).toBeLessThanOrEqual(4);
    expect(transactions.size).toBeGreaterThanOrEqual(2);
  });

  it('a request alone goes at once, in its own INSERT', async () => {
    const readLog = new ReadLog(dataSource, { maxInFlight: 2 });
    const first = `read-log-alone-a-${randomUUID()}`;
    const second = `read-log-alone-b-${randomUUID()}`;
    await readLog.append(rowsOf(first, 2));
    expect(await committed([first])).toHaveLength(2);
    await readLog.append(rowsOf(second, 2));
    const rows = await committed([first, second]);
    expect(new Set(rows.map((row) => row.xid)).size).toBe(2);
  });

  it('a bad row fails only its own request; the others sharing the INSERT are written', async () => {
    const readLog = new ReadLog(dataSource, { maxInFlight: 1 });
    const ids = Array.from({ length: 6 }, (_, n) => `read-log-bad-${n}-${randomUUID()}`);
    // The first goes alone; the rest wait for it and share the next INSERT, one of them unloggable (actor is NOT NULL).
    const outcomes = await Promise.allSettled(ids.map((id, n) => readLog.append(rowsOf(id, 2, n === 3 ? null : 'read-log-test'))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toMatch(/actor/);
    const rows = await committed(ids);
    expect([...new Set(rows.map((row) => row.request_id))].sort()).toEqual(ids.filter((_, n) => n !== 3).sort());
    expect(rows).toHaveLength(10);
  });

  it('through the gateway, concurrent reads are each logged in full under their own request', async () => {
    // Ten FollowCases at once: police logs each one's gated reads, however its INSERTs were shared.
    const token = await tidelink.token('POLICE', 'DOM');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => tidelink.query(FOLLOW_CASE, { variables: { id: MONA_PASSAGE_CASE_ID }, token })),
    );
    // A police officer is refused the migrants' identities (consent): denials, nothing else.
    for (const answer of answers) expect((answer.body.errors ?? []).filter((error) => error.extensions?.code !== 'FORBIDDEN')).toEqual([]);
    const sql = new Client({ connectionString: tidelink.stack.subgraphs.police.databaseUrl });
    await sql.connect();
    try {
      const perRequest = (
        await sql.query<{ request_id: string; rows: number }>(
          `SELECT request_id, count(*)::int AS rows FROM access_log
            WHERE kind = 'READ' AND entity_id = $1 AND operation_name = 'FollowCase' AND actor = 'test-police'
            GROUP BY request_id`,
          [MONA_PASSAGE_CASE_ID],
        )
      ).rows;
      expect(perRequest).toHaveLength(10);
      // Every request logged the case the same way: nothing lost in a shared INSERT.
      expect(new Set(perRequest.map((row) => row.rows)).size).toBe(1);
    } finally {
      await sql.end();
    }
  });
});
