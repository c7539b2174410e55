import { startTestStack, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

const MIGRANTS = ['1', '2', '3', '4'].map((n) => `a1a00000-0000-4000-8000-00000000000${n}`);

interface LogPage {
  assistanceAccessLog: {
    nodes: Array<{
      actor: string;
      agency: string;
      country: string;
      entityType: string;
      entityId: string;
      fields: string[];
      decision: string;
      reason: string | null;
      operationName: string | null;
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const LOG = `query Log($filter: AccessLogFilter, $first: Int, $after: String) {
  assistanceAccessLog(filter: $filter, first: $first, after: $after) {
    nodes { actor agency country entityType entityId fields decision reason operationName }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('access log', () => {
  it('records every gated read of a query, allowed and denied, one row per migrant and decision', async () => {
    const police = await tidelink.token('POLICE', 'DOM');
    const { body } = await tidelink.query(
      `query AuditProbe { case(id: "ca5e0000-0000-4000-8000-000000000001") { migrants { code identity { givenName } traffickingStatus vulnerabilities } } }`,
      { token: police, operationName: 'AuditProbe' },
    );
    expect((body.data as { case: { migrants: unknown[] } }).case.migrants).toHaveLength(4);

    const auditor = await tidelink.token('AUDITOR', 'NLD');
    const { body: log } = await tidelink.query<LogPage>(LOG, {
      token: auditor,
      variables: { filter: { actor: 'test-police' }, first: 100 },
    });
    expect(log.errors).toBeUndefined();
    const rows = (log.data?.assistanceAccessLog.nodes ?? [])
      .map((row) => `${row.entityId.slice(-1)} ${row.decision} ${row.reason ?? '-'} ${row.fields.join(',')}`)
      .sort();
    // M1 has a live SHARE_WITH_POLICE consent; M2-M4 do not; vulnerabilities are IOM-only for all.
    expect(rows).toEqual([
      '1 ALLOWED - identity,traffickingStatus',
      '1 DENIED ROLE vulnerabilities',
      '2 DENIED CONSENT_REQUIRED identity,traffickingStatus',
      '2 DENIED ROLE vulnerabilities',
      '3 DENIED CONSENT_REQUIRED identity,traffickingStatus',
      '3 DENIED ROLE vulnerabilities',
      '4 DENIED CONSENT_REQUIRED identity,traffickingStatus',
      '4 DENIED ROLE vulnerabilities',
    ]);
    for (const row of log.data?.assistanceAccessLog.nodes ?? []) {
      expect(row).toMatchObject({
        actor: 'test-police',
        agency: 'POLICE',
        country: 'DOM',
        entityType: 'Migrant',
        operationName: 'AuditProbe',
      });
      expect(MIGRANTS).toContain(row.entityId);
    }
  });

  it('pages through the log with a filter, newest first', async () => {
    const auditor = await tidelink.token('AUDITOR', 'NLD');
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: Awaited<ReturnType<typeof tidelink.query<LogPage>>> = await tidelink.query<LogPage>(LOG, {
        token: auditor,
        variables: { filter: { actor: 'test-police', decision: 'DENIED' }, first: 3, after },
      });
      const connection = response.body.data?.assistanceAccessLog;
      seen.push(...(connection?.nodes ?? []).map((row) => `${row.entityId}:${row.reason}`));
      if (!connection?.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('is append-only in PostgreSQL: UPDATE, DELETE and TRUNCATE by the application fail', async () => {
    const dataSource = tidelink.stack.subgraphs.assistance.database.dataSource;
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM access_log');
    expect(count).toBeGreaterThan(0);
    // The application's role holds no UPDATE, DELETE or TRUNCATE on the log; the trigger stops everyone else.
    await expect(dataSource.query("UPDATE access_log SET actor = 'someone-else'")).rejects.toThrow(/permission denied|append-only/);
    await expect(dataSource.query('DELETE FROM access_log')).rejects.toThrow(/permission denied|append-only/);
    await expect(dataSource.query('TRUNCATE access_log')).rejects.toThrow(/permission denied|append-only/);
    const [{ count: after }] = await dataSource.query('SELECT count(*)::int AS count FROM access_log');
    expect(after).toBe(count);
  });

  it('refuses the log to everyone but auditors', async () => {
    const { body } = await tidelink.query(LOG, { token: await tidelink.token('IOM', 'DOM') });
    expect(body.data).toEqual({ assistanceAccessLog: null });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });
});

describe('consent withdrawal', () => {
  const WITNESS = `query Witness { prosecution(id: "b40a0000-0000-4000-8000-000000000001") { witnesses { migrant { code identity { givenName familyName } } } } }`;

  it('stops a prosecutor reading a witness identity on the very next request', async () => {
    const prosecutor = await tidelink.token('PROSECUTOR', 'DOM');
    const before = await tidelink.query(WITNESS, { token: prosecutor });
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data).toEqual({
      prosecution: { witnesses: [{ migrant: { code: 'MG-DOM-0142-02', identity: { givenName: 'Mirlande', familyName: 'Joseph' } } }] },
    });

    // IOM records the withdrawal of both consents that covered prosecutors (SHARE_WITH_PROSECUTION, TESTIMONY).
    const iom = await tidelink.token('IOM', 'DOM');
    for (const consentId of ['c0a5e700-0000-4000-8000-000000000002', 'c0a5e700-0000-4000-8000-000000000003']) {
      const { body } = await tidelink.query(`mutation { withdrawConsent(id: "${consentId}", version: 1) { withdrawnAt version } }`, {
        token: iom,
      });
      expect(body.errors).toBeUndefined();
      expect((body.data as { withdrawConsent: { version: number } }).withdrawConsent.version).toBe(2);
    }

    const after = await tidelink.query(WITNESS, { token: prosecutor });
    expect(after.body.data).toEqual({ prosecution: { witnesses: [{ migrant: { code: 'MG-DOM-0142-02', identity: null } }] } });
    expect(after.body.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.reason])).toEqual([
      [['prosecution', 'witnesses', 0, 'migrant', 'identity'], 'FORBIDDEN', 'CONSENT_REQUIRED'],
    ]);
    expect(JSON.stringify(after.body)).not.toContain('Mirlande');
  });
});
