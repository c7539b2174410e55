import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { AccessLogRecorder } from '../../subgraphs/shared/access-log/access-log.recorder.js';
import { attributedDataSource, UnattributedWriteError } from '../../subgraphs/shared/access-log/write-log.js';
import type { Viewer } from '../../platform/auth.js';
import { createPoliceContext } from '../../subgraphs/police/police.context.js';
import { CaseEntity } from '../../subgraphs/police/case/case.entity.js';
import { Offence } from '../../subgraphs/shared/offence.js';
import { signRequest } from '../../platform/request-signing.js';
import { insertRow } from '../../subgraphs/shared/store.js';
import { FOLLOW_CASE, MONA_PASSAGE_CASE_ID } from '../support/queries.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';
import { sessionsWaitingOnLocks, waitFor } from '../support/wait-for.js';
import { randomRecordIds } from '../../subgraphs/shared/record-ids.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

interface Entry {
  kind: string;
  actor: string;
  agency: string;
  country: string;
  entityType: string;
  entityId: string;
  fields: string[];
  decision: string;
  reason: string | null;
  operation: string | null;
  operationName: string | null;
  requestId: string | null;
}

const ENTRY = 'kind actor agency country entityType entityId fields decision reason operation operationName requestId';

/** The auditor's view of one subgraph's log (at most 100 entries, newest first). */
async function auditLog(subgraph: 'police' | 'assistance', filter: Record<string, unknown>): Promise<Entry[]> {
  const field = `${subgraph}AccessLog`;
  const { body } = await tidelink.query<Record<string, { nodes: Entry[] }>>(
    `query Audit($filter: AccessLogFilter) { ${field}(filter: $filter, first: 100) { nodes { ${ENTRY} } } }`,
    { token: await tidelink.token('AUDITOR', 'NLD'), variables: { filter } },
  );
  expect(body.errors).toBeUndefined();
  return body.data?.[field].nodes ?? [];
}

/** POSTs to the gateway with a request id of ours, so the log can be searched for it. */
async function send<Data>(
  query: string,
  token: string,
  requestId: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(tidelink.stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<Data>['body'] };
}

const OPEN_CASE = `mutation Open($input: OpenCaseInput!) { openCase(input: $input) { id version } }`;
const ADVANCE_CASE = `mutation Advance($id: ID!, $version: Int!) { advanceCase(id: $id, version: $version, status: UNDER_INVESTIGATION) { version } }`;

describe('every write is logged: who, the mutation, the record, the fields, never a value', () => {
  let caseId: string;

  it('openCase leaves one WRITE row naming the fields set, with none of their values', async () => {
    const police = await tidelink.token('POLICE', 'DOM');
    const reference = 'DOM-2026-AUDIT-7731';
    const summary = 'Skiff intercepted off Isla Saona with 14 on board';
    const requestId = `audit-open-${randomUUID()}`;
    const { body } = await send<{ openCase: { id: string } }>(OPEN_CASE, police, requestId, {
      input: { reference, leadCountry: 'DOM', offences: ['SMUGGLING_OF_MIGRANTS'], summary },
    });
    expect(body.errors).toBeUndefined();
    caseId = body.data?.openCase.id as string;

    const rows = await auditLog('police', { kind: 'WRITE', requestId });
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'WRITE',
        actor: 'test-police',
        agency: 'POLICE',
        country: 'DOM',
        entityType: 'Case',
        entityId: caseId,
        decision: 'ALLOWED',
        reason: null,
        operation: 'openCase',
        operationName: 'Open',
        requestId,
      }),
    ]);
    expect(rows[0].fields).toEqual(expect.arrayContaining(['leadCountry', 'offences', 'reference', 'status', 'summary']));
    // Neither the API nor the table itself holds a value that was written.
    const stored: Array<{ row: string }> = await tidelink.stack.subgraphs.police.database.dataSource.query(
      "SELECT row_to_json(access_log)::text AS row FROM access_log WHERE kind = 'WRITE' AND request_id = $1",
      [requestId],
    );
    expect(stored).toHaveLength(1);
    for (const text of [JSON.stringify(rows), stored[0].row]) {
      expect(text).not.toContain(reference);
      expect(text).not.toContain('Isla Saona');
      expect(text).not.toContain('SMUGGLING_OF_MIGRANTS');
    }
  });

  it('advanceCase logs the changed field under its mutation; a refused change (stale version) logs nothing and changes nothing', async () => {
    const police = await tidelink.token('POLICE', 'DOM');
    const advanced = `audit-advance-${randomUUID()}`;
    const first = await send<{ advanceCase: { version: number } }>(ADVANCE_CASE, police, advanced, { id: caseId, version: 1 });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.advanceCase.version).toBe(2);
    const rows = await auditLog('police', { kind: 'WRITE', requestId: advanced });
    expect(rows.map((row) => [row.entityType, row.entityId, row.operation, row.fields])).toEqual([
      ['Case', caseId, 'advanceCase', ['status']],
    ]);
    expect(JSON.stringify(rows)).not.toContain('UNDER_INVESTIGATION');

    const stale = `audit-stale-${randomUUID()}`;
    const second = await send(ADVANCE_CASE, police, stale, { id: caseId, version: 1 });
    expect(second.body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await auditLog('police', { requestId: stale, kind: 'WRITE' })).toEqual([]);
  });

  it('a write whose log row cannot be written is not made', async () => {
    const dataSource = tidelink.stack.subgraphs.police.database.dataSource;
    // A caller the log refuses (actor is NOT NULL): the case insert succeeds, the log insert fails.
    const viewer = { subject: null, agency: 'POLICE', country: 'DOM' } as unknown as Viewer;
    const accessLog = new AccessLogRecorder(viewer, 'AuditProbe', 'audit-unloggable');
    const police = createPoliceContext({
      viewer,
      requestId: 'audit-unloggable',
      traceparent: null,
      kAnonymity: 11,
      operationName: 'AuditProbe',
      dataSource: attributedDataSource(dataSource, accessLog),
      accessLog,
      references: null,
      recordIds: randomRecordIds,
    });
    const reference = 'DOM-2026-AUDIT-UNLOGGED';
    await expect(police.cases.open({ reference, leadCountry: 'DOM', offences: [Offence.SMUGGLING_OF_MIGRANTS] }, null)).rejects.toThrow(
      /actor/,
    );
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM cases WHERE reference = $1', [reference]);
    expect(count).toBe(0);
  });

  it('a write in a transaction that names no caller is refused before any SQL', async () => {
    const dataSource = tidelink.stack.subgraphs.police.database.dataSource;
    const reference = 'DOM-2026-AUDIT-ANONYMOUS';
    await expect(
      dataSource.transaction((manager) =>
        insertRow(manager, CaseEntity, 'case.insert', {
          reference,
          status: 'OPEN',
          leadCountry: 'DOM',
          openedAt: new Date(),
          offences: [],
          aggravations: [],
          summary: '',
        } as never),
      ),
    ).rejects.toThrow(UnattributedWriteError);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM cases WHERE reference = $1', [reference]);
    expect(count).toBe(0);
  });

  it('the auditor reads reads and writes through the same query, and can ask for one kind', async () => {
    // A read of gated police fields (intelligence items) by the same officer.
    const read = await tidelink.query<{ case: { reference: string } }>(FOLLOW_CASE, {
      token: await tidelink.token('POLICE', 'DOM'),
      variables: { id: MONA_PASSAGE_CASE_ID },
    });
    expect(read.body.data?.case.reference).toBe('DOM-2026-0142');
    const all = await auditLog('police', { actor: 'test-police' });
    const kinds = new Set(all.map((row) => row.kind));
    expect(kinds).toEqual(new Set(['READ', 'WRITE']));
    const reads = await auditLog('police', { actor: 'test-police', kind: 'READ' });
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((row) => row.kind === 'READ' && row.operation === null)).toBe(true);
  });
});

describe('reads shared by the gateway in flight are logged for each caller', () => {
  async function metric(url: string, name: string, labels: Record<string, string>): Promise<number> {
    const text = await (await fetch(new URL('/metrics', url))).text();
    const line = text
      .split('\n')
      .find(
        (candidate) =>
          candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  }

  it('two identical FollowCase requests in flight together share the assistance call and leave two sets of rows', async () => {
    const prosecutor = await tidelink.token('PROSECUTOR', 'DOM');
    const ids = [`audit-shared-a-${randomUUID()}`, `audit-shared-b-${randomUUID()}`];
    const sharedBefore = await metric(tidelink.stack.gateway.url, 'tidelink_subgraph_deduplicated_total', { subgraph: 'assistance' });

    // Hold assistance reads on a lock, so that both requests reach it before it answers either.
    const runner: QueryRunner = tidelink.stack.subgraphs.assistance.database.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query('LOCK TABLE migrants IN ACCESS EXCLUSIVE MODE');
    let answers: Array<GraphQLResponse<{ case: { reference: string } }>>;
    try {
      const pending = Promise.all(
        ids.map((id) => send<{ case: { reference: string } }>(FOLLOW_CASE, prosecutor, id, { id: MONA_PASSAGE_CASE_ID })),
      );
      // Let go once the second request has joined the first's assistance call, which waits on the lock.
      await waitFor(
        async () =>
          (await metric(tidelink.stack.gateway.url, 'tidelink_subgraph_deduplicated_total', { subgraph: 'assistance' })) > sharedBefore &&
          (await sessionsWaitingOnLocks(tidelink.stack.subgraphs.assistance.database.dataSource)) >= 1,
        { what: "the second FollowCase to join the first's assistance call" },
      );
      await runner.rollbackTransaction();
      answers = await pending;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(answers.map((answer) => answer.body.data?.case.reference)).toEqual(['DOM-2026-0142', 'DOM-2026-0142']);
    expect(await metric(tidelink.stack.gateway.url, 'tidelink_subgraph_deduplicated_total', { subgraph: 'assistance' })).toBeGreaterThan(
      sharedBefore,
    );

    const describe = (rows: Entry[]) =>
      rows.map((row) => `${row.entityType} ${row.entityId} ${row.decision} ${row.reason ?? '-'} ${row.fields.join(',')}`).sort();
    const [first, second] = await Promise.all(ids.map((requestId) => auditLog('assistance', { requestId, kind: 'READ' })));
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((row) => row.actor === 'test-prosecutor')).toBe(true);
    expect(describe(second)).toEqual(describe(first));
    expect(second.every((row) => row.actor === 'test-prosecutor' && row.requestId === ids[1])).toBe(true);
  });

  it("copies no log rows on an unsigned request, nor another caller's rows", async () => {
    const endpoint = new URL('/access-log/shared-read', tidelink.stack.subgraphs.assistance.url);
    const unsigned = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tidelink.token('PROSECUTOR', 'DOM')}` },
      body: JSON.stringify({ from: randomUUID(), requestIds: ['audit-forged-0001'] }),
    });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );

    // Signed, but with another caller's token: the prosecutor's rows are not that caller's to copy.
    const [{ call }] = await tidelink.stack.subgraphs.assistance.database.dataSource.query(
      "SELECT call_id::text AS call FROM access_log WHERE actor = 'test-prosecutor' AND call_id IS NOT NULL LIMIT 1",
    );
    const authorization = `Bearer ${await tidelink.token('IOM', 'DOM')}`;
    const body = JSON.stringify({ from: call, requestIds: ['audit-forged-0002'] });
    const secret = tidelink.config.SUBGRAPH_SIGNING_SECRET;
    const signed = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization,
        ...signRequest(secret, { method: 'POST', path: '/access-log/shared-read', authorization, body }),
      },
      body,
    });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ copied: 0 });
    expect(await auditLog('assistance', { requestId: 'audit-forged-0002' })).toEqual([]);
  });
});

describe('the application database role owns nothing and cannot touch the trigger', () => {
  const attacks = [
    'ALTER TABLE access_log DISABLE TRIGGER ALL',
    'ALTER TABLE access_log DISABLE TRIGGER access_log_no_update',
    'DROP TRIGGER access_log_no_update ON access_log',
    'DROP TRIGGER access_log_no_truncate ON access_log',
    'SET session_replication_role = replica',
    "UPDATE access_log SET actor = 'someone-else'",
    'DELETE FROM access_log',
    'TRUNCATE access_log',
    'DROP TABLE access_log',
    'ALTER TABLE access_log OWNER TO CURRENT_USER',
    'CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
    'CREATE TABLE audit_probe (id int)',
  ];

  it.each(['police', 'assistance', 'prosecution'] as const)(
    '%s: every attempt to disable, bypass or rewrite the log fails',
    async (name) => {
      const dataSource = tidelink.stack.subgraphs[name].database.dataSource;
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM access_log');
      for (const attack of attacks) {
        await expect(dataSource.query(attack)).rejects.toThrow(/permission denied|must be owner|append-only/);
      }
      const [{ after }] = await dataSource.query('SELECT count(*)::int AS after FROM access_log');
      expect(after).toBe(count);
      const [{ role }] = await dataSource.query('SELECT current_setting($1) AS role', ['session_replication_role']);
      expect(role).toBe('origin');
    },
  );

  it.each(['police', 'assistance', 'prosecution'] as const)(
    '%s: connects as <database>_app, owns no relation, reads and appends the log only',
    async (name) => {
      const dataSource = tidelink.stack.subgraphs[name].database.dataSource;
      const [{ user, database }] = await dataSource.query('SELECT current_user AS user, current_database() AS database');
      expect(user).toBe(`${database}_app`);
      const owned: unknown[] = await dataSource.query('SELECT tablename FROM pg_tables WHERE tableowner = current_user');
      expect(owned).toEqual([]);
      const [{ relations }] = await dataSource.query(
        'SELECT count(*)::int AS relations FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)',
      );
      expect(relations).toBe(0);
      const [privileges] = await dataSource.query(
        `SELECT has_table_privilege('access_log', 'SELECT') AS select, has_table_privilege('access_log', 'INSERT') AS insert,
              has_table_privilege('access_log', 'UPDATE') AS update, has_table_privilege('access_log', 'DELETE') AS delete,
              has_table_privilege('access_log', 'TRUNCATE') AS truncate, has_table_privilege('access_log', 'TRIGGER') AS trigger`,
      );
      expect(privileges).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false, trigger: false });
      const [{ superuser }] = await dataSource.query('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
      expect(superuser).toBe(false);
    },
  );
});
