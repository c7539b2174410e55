import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The attacks on aggregates, through the gateway: each refused or harmless. Harmless means
 * no published figure, nor any difference of published figures, counts between 1 and k−1 people.
 */
let tidelink: TestStack;
const k = 11;
const CASE_MONA = 'ca5e0000-0000-4000-8000-000000000001';
const CASE_CURACAO = 'ca5e0000-0000-4000-8000-000000000003'; // one migrant (MG-CUW-0007-01, POSSIBLE)
const MIGRANT_CURACAO = 'a1a00000-0000-4000-8000-00000000000b';

async function register(nationality: string, sex: string, count: number, registeredAt: string): Promise<void> {
  const token = await tidelink.token('IOM', 'DOM');
  for (let n = 0; n < count; n += 1) {
    const { body } = await tidelink.query('mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id } }', {
      token,
      variables: { input: { caseId: CASE_MONA, sex, ageGroup: 'AGE_26_47', nationality, registeredAt } },
    });
    expect(body.errors).toBeUndefined();
  }
}

beforeAll(async () => {
  tidelink = await startTestStack();
  // October 2026: 12 Syrian men and one Syrian woman, the woman alone in her cell.
  await register('SYR', 'MALE', 12, '2026-10-05T10:00:00Z');
  await register('SYR', 'FEMALE', 1, '2026-10-06T10:00:00Z');
  // September 2026: 11 Eritrean men and 11 Eritrean women, cells large enough to be published, so
  // that the all-time figures below have published numbers to difference.
  await register('ERI', 'MALE', 11, '2026-09-07T10:00:00Z');
  await register('ERI', 'FEMALE', 11, '2026-09-08T10:00:00Z');
  // One small crossing to Malta in October: 3 people aboard, recorded by Italy on its own case.
  const { body } = await tidelink.query('mutation($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }', {
    token: await tidelink.token('POLICE', 'ITA'),
    variables: {
      input: {
        caseId: 'ca5e0000-0000-4000-8000-000000000004',
        detectedAt: '2026-10-10T10:00:00Z',
        seaArea: 'Maltese SAR zone',
        position: { latitude: 35.2, longitude: 14.1 },
        detectingCountry: 'MLT',
        outcome: 'RESCUED',
        personsOnBoard: 3,
        deaths: 0,
      },
    },
  });
  expect(body.errors).toBeUndefined();
});
afterAll(async () => {
  await tidelink?.stop();
});

interface Bucket {
  suppressed: boolean;
  migrants: number | null;
  nationality?: string | null;
  sex?: string | null;
}
async function migrantStatistics(groupBy: string, filter: Record<string, unknown>, agency: 'ANALYST' | 'PARTNER' = 'PARTNER') {
  const { body } = await tidelink.query<{ migrantStatistics: { k: number; total: { migrants: number }; buckets: Bucket[] } }>(
    `query($filter: StatisticsFilter) { migrantStatistics(groupBy: ${groupBy}, filter: $filter) { k total { migrants } buckets { nationality sex suppressed migrants } } }`,
    { token: await tidelink.token(agency, 'DOM'), variables: { filter } },
  );
  return body;
}

const harmless = (difference: number) => difference === 0 || difference >= k;

describe('statistics: differencing attacks', () => {
  it('two windows a millisecond apart are refused (BAD_USER_INPUT), naming the field', async () => {
    const body = await migrantStatistics('[NATIONALITY]', { from: '2026-10-01T00:00:00.001Z', to: '2026-11-01T00:00:00Z' });
    expect(body.data?.migrantStatistics ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.from' }] });
    const detections = await tidelink.query(
      '{ detectionStatistics(groupBy: [DETECTING_COUNTRY], filter: { from: "2026-10-10T10:00:00Z", to: "2026-10-10T10:00:00.001Z" }) { k } }',
      {
        token: await tidelink.token('PARTNER', 'DOM'),
      },
    );
    expect(detections.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a window one day longer is refused; whole months are answered', async () => {
    const longer = await migrantStatistics('[NATIONALITY]', { from: '2026-10-01T00:00:00Z', to: '2026-11-02T00:00:00Z' });
    expect(longer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.to' }] });
    const month = await migrantStatistics('[NATIONALITY]', { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' });
    expect(month.errors).toBeUndefined();
    expect(month.data?.migrantStatistics.buckets).toEqual([{ nationality: 'SYR', sex: null, suppressed: false, migrants: 13 }]);
  });

  it('a total minus the published cells of a cross-table isolates no one', async () => {
    const window = { from: '2026-10-01T00:00:00Z', to: '2026-11-01T00:00:00Z' };
    const coarse = (await migrantStatistics('[NATIONALITY]', window)).data?.migrantStatistics;
    const fine = (await migrantStatistics('[NATIONALITY, SEX]', window)).data?.migrantStatistics;
    const overall = (await migrantStatistics('[]', window)).data?.migrantStatistics;
    if (!coarse || !fine || !overall) throw new Error('statistics missing');
    // The lone woman's cell is withheld, and so is its complement (the 12 men), so 13 − published = 13.
    expect(fine.buckets.filter((bucket) => bucket.nationality === 'SYR' && !bucket.suppressed)).toEqual([]);
    for (const bucket of coarse.buckets) {
      const published = fine.buckets
        .filter((cell) => cell.nationality === bucket.nationality)
        .reduce((sum, cell) => sum + (cell.migrants ?? 0), 0);
      expect(harmless((bucket.migrants ?? 0) - published)).toBe(true);
    }
    expect(overall.total.migrants).toBe(13);
    expect(harmless(overall.total.migrants - fine.total.migrants)).toBe(true);
    expect(harmless(overall.total.migrants - coarse.total.migrants)).toBe(true);
    // Every sex is listed for SYR: the empty OTHER and UNKNOWN look exactly like the withheld FEMALE.
    expect(fine.buckets.filter((bucket) => bucket.nationality === 'SYR')).toEqual(
      ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'].map((sex) => ({ nationality: 'SYR', sex, suppressed: true, migrants: null })),
    );
  });

  it('over all time, coarse minus fine figures never leave between 1 and k−1 people', async () => {
    const coarse = (await migrantStatistics('[SEX]', {}, 'ANALYST')).data?.migrantStatistics;
    const fine = (await migrantStatistics('[NATIONALITY, SEX]', {}, 'ANALYST')).data?.migrantStatistics;
    if (!coarse || !fine) throw new Error('statistics missing');
    // Some coarse figure is published, so the differencing below is checked against real numbers.
    expect(coarse.buckets.filter((bucket) => !bucket.suppressed).length).toBeGreaterThan(0);
    for (const bucket of coarse.buckets) {
      const published = fine.buckets.filter((cell) => cell.sex === bucket.sex).reduce((sum, cell) => sum + (cell.migrants ?? 0), 0);
      expect(harmless((bucket.migrants ?? 0) - published)).toBe(true);
      if (!bucket.suppressed) expect(bucket.migrants).toBeGreaterThanOrEqual(k);
    }
  });

  it('a small crossing in one month is not published to a partner, and looks like an empty one', async () => {
    const { body } = await tidelink.query<{
      detectionStatistics: {
        buckets: Array<{ detectingCountry: string; suppressed: boolean; personsOnBoard: number | null; detections: number | null }>;
      };
    }>(
      '{ detectionStatistics(groupBy: [DETECTING_COUNTRY, OUTCOME], filter: { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }) { buckets { detectingCountry outcome suppressed detections personsOnBoard } } }',
      { token: await tidelink.token('PARTNER', 'DOM') },
    );
    expect(body.errors).toBeUndefined();
    const malta = body.data?.detectionStatistics.buckets ?? [];
    expect(malta.length).toBeGreaterThan(1);
    for (const bucket of malta)
      expect(bucket).toMatchObject({ detectingCountry: 'MLT', suppressed: true, detections: null, personsOnBoard: null });
  });
});

describe('Case.assistanceSummary: the summary of a one-migrant case', () => {
  const SUMMARY = `query Summary { case(id: "${CASE_CURACAO}") { assistanceSummary { migrants minors traffickingVictims possibleTraffickingVictims unaccompaniedMinors k } migrants { traffickingStatus } } }`;

  it('gives a police officer without consent no trafficking count for the one migrant whose status is refused', async () => {
    const { body } = await tidelink.query<{ case: { assistanceSummary: Record<string, number | null> } }>(SUMMARY, {
      token: await tidelink.token('POLICE', 'CUW'),
    });
    expect(body.errors?.find((error) => error.path?.join('.') === 'case.migrants.0.traffickingStatus')?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CONSENT_REQUIRED',
    });
    expect(body.data?.case.assistanceSummary).toEqual({
      migrants: 1,
      minors: 0,
      traffickingVictims: null,
      possibleTraffickingVictims: null,
      unaccompaniedMinors: null,
      k,
    });
  });

  it('gives IOM the exact counts', async () => {
    const { body } = await tidelink.query<{ case: { assistanceSummary: Record<string, number | null> } }>(SUMMARY, {
      token: await tidelink.token('IOM', 'CUW'),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.case.assistanceSummary).toEqual({
      migrants: 1,
      minors: 0,
      traffickingVictims: 0,
      possibleTraffickingVictims: 1,
      unaccompaniedMinors: 0,
      k,
    });
  });

  it('is exact over the migrants the reader may see: a consent naming the Curaçao police opens the count', async () => {
    const iom = await tidelink.token('IOM', 'CUW');
    const { body: recorded } = await tidelink.query('mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      token: iom,
      variables: {
        input: {
          migrantId: MIGRANT_CURACAO,
          scope: 'SHARE_WITH_POLICE',
          recipientAgency: 'POLICE',
          recipientCountry: 'CUW',
          purpose: 'Investigation of case CUW-2026-0007',
        },
      },
    });
    expect(recorded.errors).toBeUndefined();
    const curacao = await tidelink.query<{ case: { assistanceSummary: Record<string, number | null> } }>(SUMMARY, {
      token: await tidelink.token('POLICE', 'CUW'),
    });
    expect(curacao.body.errors).toBeUndefined();
    expect(curacao.body.data?.case.assistanceSummary).toMatchObject({
      migrants: 1,
      traffickingVictims: 0,
      possibleTraffickingVictims: 1,
      unaccompaniedMinors: null,
    });
    // The Dutch police are not named: still nothing.
    const dutch = await tidelink.query<{ case: { assistanceSummary: Record<string, number | null> } }>(SUMMARY, {
      token: await tidelink.token('POLICE', 'NLD'),
    });
    expect(dutch.body.data?.case.assistanceSummary).toMatchObject({ traffickingVictims: null, possibleTraffickingVictims: null });
  });

  it('logs every summary read (Case, case id, assistanceSummary)', async () => {
    await tidelink.query(SUMMARY, { token: await tidelink.token('PROSECUTOR', 'CUW'), operationName: 'Summary' });
    const { body } = await tidelink.query<{
      assistanceAccessLog: { nodes: Array<{ entityType: string; entityId: string; fields: string[]; decision: string }> };
    }>('{ assistanceAccessLog(filter: { actor: "test-prosecutor" }, first: 50) { nodes { entityType entityId fields decision } } }', {
      token: await tidelink.token('AUDITOR', 'NLD'),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.assistanceAccessLog.nodes).toContainEqual({
      entityType: 'Case',
      entityId: CASE_CURACAO,
      fields: ['assistanceSummary'],
      decision: 'ALLOWED',
    });
  });
});
