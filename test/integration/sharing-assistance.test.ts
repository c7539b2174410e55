import { errorAt } from '../support/paths.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * The owner decides, for what assistance holds on a police case: ITA-2026-0311 (Lampedusa) is owned
 * by Italy and released to Italy and Malta. A Dominican officer or prosecutor gets the case as a hit,
 * and so the case's migrants too: not their codes, not their number. A migrant read by id is IOM's own
 * record, under IOM's rules (consent), as before. IOM is one
 * organisation across countries and keeps reading them; Italy, the owner, reads them as before.
 */
const LAMPEDUSA = 'ca5e0000-0000-4000-8000-000000000004';
const MONA = 'ca5e0000-0000-4000-8000-000000000001';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

const reasonAt = (body: GraphQLResponse['body'], path: Array<string | number>) => errorAt(body, path)?.extensions?.reason;

const CASE_MIGRANTS = `query CaseMigrants($id: ID!) {
  case(id: $id) { reference releasable migrants { id code nationality } assistanceSummary { migrants minors } }
}`;
const PAGE = `query Page($caseId: ID!) { migrantsConnection(caseId: $caseId, first: 10) { totalCount nodes { id code } } }`;
const LIST = `query List($caseId: ID!) { migrants(caseId: $caseId) { id code } }`;
const ONE = `query One($id: ID!) { migrant(id: $id) { id code detection { seaArea } } }`;

async function lampedusaMigrantIds(): Promise<string[]> {
  const body = await tidelink.queryAs<{ migrants: Array<{ id: string }> }>('IOM', 'ITA', LIST, { caseId: LAMPEDUSA });
  expect(body.errors).toBeUndefined();
  return body.data?.migrants.map((migrant) => migrant.id) ?? [];
}

describe("assistance data on a police case follows the case's release", () => {
  it('gives IOM and the owning country the Lampedusa migrants', async () => {
    const ids = await lampedusaMigrantIds();
    expect(ids.length).toBeGreaterThan(0);
    const owner = await tidelink.queryAs<{ case: { migrants: unknown[]; assistanceSummary: { migrants: number } } }>(
      'POLICE',
      'ITA',
      CASE_MIGRANTS,
      { id: LAMPEDUSA },
    );
    expect(owner.data?.case.migrants).toHaveLength(ids.length);
    expect(owner.data?.case.assistanceSummary.migrants).toBe(ids.length);
  });

  it.each([['POLICE'], ['PROSECUTOR']] as const)('withholds them from a Dominican %s as NOT_RELEASABLE, on every path', async (agency) => {
    const [migrantId] = await lampedusaMigrantIds();
    const onCase = await tidelink.queryAs<{ case: { releasable: boolean; migrants: unknown; assistanceSummary: unknown } }>(
      agency,
      'DOM',
      CASE_MIGRANTS,
      { id: LAMPEDUSA },
    );
    expect(onCase.data?.case.releasable).toBe(false);
    expect(onCase.data?.case.migrants).toBeNull();
    expect(onCase.data?.case.assistanceSummary).toBeNull();
    expect(reasonAt(onCase, ['case', 'migrants'])).toBe('NOT_RELEASABLE');
    expect(reasonAt(onCase, ['case', 'assistanceSummary'])).toBe('NOT_RELEASABLE');

    const page = await tidelink.queryAs(agency, 'DOM', PAGE, { caseId: LAMPEDUSA });
    expect(page.data).toBeNull();
    expect(reasonAt(page, ['migrantsConnection'])).toBe('NOT_RELEASABLE');
    const list = await tidelink.queryAs(agency, 'DOM', LIST, { caseId: LAMPEDUSA });
    expect(reasonAt(list, ['migrants'])).toBe('NOT_RELEASABLE');
    // One migrant by id is IOM's own record, under IOM's rules; the detection it points to stays police's.
    const one = await tidelink.queryAs<{ migrant: { code: string } | null }>(agency, 'DOM', ONE, { id: migrantId });
    expect(one.data?.migrant?.code).toEqual(expect.any(String));
    expect(reasonAt(one, ['migrant', 'detection'])).toBe('NOT_RELEASABLE');
    // Nothing of the case's migrants leaks through the refusals.
    expect(JSON.stringify([onCase, page, list])).not.toMatch(/"code":"(?!FORBIDDEN)[A-Z]{2,3}-/);
  });

  it('still gives a Dominican officer the migrants of the Dominican case', async () => {
    const body = await tidelink.queryAs<{ case: { migrants: unknown[] } }>('POLICE', 'DOM', CASE_MIGRANTS, { id: MONA });
    expect(body.errors ?? []).toEqual([]);
    expect(body.data?.case.migrants.length).toBeGreaterThan(0);
  });

  it('logs each refusal in the assistance access log', async () => {
    await tidelink.queryAs('POLICE', 'DOM', PAGE, { caseId: LAMPEDUSA });
    const log = await tidelink.queryAs<{
      assistanceAccessLog: { nodes: Array<{ entityId: string; decision: string; reason: string | null }> };
    }>('AUDITOR', 'DOM', `query Log { assistanceAccessLog(first: 100) { nodes { entityId decision reason } } }`);
    expect(log.errors).toBeUndefined();
    const refusals = log.data?.assistanceAccessLog.nodes.filter((entry) => entry.entityId === LAMPEDUSA && entry.decision === 'DENIED');
    expect(refusals?.some((entry) => entry.reason === 'NOT_RELEASABLE')).toBe(true);
  });
});
