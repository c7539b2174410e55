import { startTestStack, type TestStack } from '../support/stack.js';

let tidelink: TestStack;

/** 12 Syrian and 10 Afghan migrants on the Mona Passage case, registered through IOM's workflow. */
async function registerMigrants(nationality: string, count: number): Promise<void> {
  const token = await tidelink.token('IOM', 'DOM');
  for (let n = 0; n < count; n += 1) {
    const { body } = await tidelink.query('mutation($input: RegisterMigrantInput!) { registerMigrant(input: $input) { id } }', {
      token,
      variables: { input: { caseId: 'ca5e0000-0000-4000-8000-000000000001', sex: 'MALE', ageGroup: 'AGE_26_47', nationality } },
    });
    expect(body.errors).toBeUndefined();
  }
}

beforeAll(async () => {
  tidelink = await startTestStack();
  await registerMigrants('SYR', 12);
  await registerMigrants('AFG', 10);
  // A small crossing to Malta: 10 people aboard, one bucket below k = 11.
  const { body } = await tidelink.query('mutation($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }', {
    // Recorded by the owning bureau (Italy) for the Maltese detection: only a case's owner adds to it.
    token: await tidelink.token('POLICE', 'ITA'),
    variables: {
      input: {
        caseId: 'ca5e0000-0000-4000-8000-000000000004',
        detectedAt: '2026-06-01T10:00:00Z',
        seaArea: 'Maltese SAR zone',
        position: { latitude: 35.2, longitude: 14.1 },
        detectingCountry: 'MLT',
        outcome: 'RESCUED',
        personsOnBoard: 10,
        deaths: 0,
      },
    },
  });
  expect(body.errors).toBeUndefined();
});
afterAll(async () => {
  await tidelink?.stop();
});

async function asAnalyst<T>(query: string): Promise<T> {
  const { body } = await tidelink.query<T>(query, { token: await tidelink.token('ANALYST', 'DOM') });
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

interface DetectionStats {
  detectionStatistics: {
    k: number;
    suppressedBuckets: number;
    total: { detections: number; personsOnBoard: number; deaths: number };
    buckets: Array<{
      detectingCountry: string;
      suppressed: boolean;
      detections: number | null;
      personsOnBoard: number | null;
      deaths: number | null;
    }>;
  };
}

describe('k-anonymous statistics', () => {
  it('detections by detecting country equal the hand-computed figures; the 10-person bucket is suppressed, not 0', async () => {
    const { detectionStatistics: stats } = await asAnalyst<DetectionStats>(
      '{ detectionStatistics(groupBy: [DETECTING_COUNTRY]) { k suppressedBuckets total { detections personsOnBoard deaths } buckets { detectingCountry suppressed detections personsOnBoard deaths } } }',
    );
    expect(stats.k).toBe(11);
    // The demo stories: USA 38 (Mona Passage), TCA 112, CUW 14, ITA 47 (3 dead), ESP 164 (2 dead); MLT 10 added above.
    expect(stats.buckets).toEqual([
      { detectingCountry: 'CUW', suppressed: false, detections: 1, personsOnBoard: 14, deaths: 0 },
      { detectingCountry: 'ESP', suppressed: false, detections: 1, personsOnBoard: 164, deaths: 2 },
      { detectingCountry: 'ITA', suppressed: false, detections: 1, personsOnBoard: 47, deaths: 3 },
      { detectingCountry: 'MLT', suppressed: true, detections: null, personsOnBoard: null, deaths: null },
      { detectingCountry: 'TCA', suppressed: false, detections: 1, personsOnBoard: 112, deaths: 0 },
      { detectingCountry: 'USA', suppressed: false, detections: 1, personsOnBoard: 38, deaths: 0 },
    ]);
    // Totals add up the published buckets only: subtracting them from the total gives 0, not the 10.
    expect(stats.total).toEqual({ detections: 5, personsOnBoard: 375, deaths: 5 });
    expect(stats.suppressedBuckets).toBe(1);
    const published = stats.buckets.filter((bucket) => !bucket.suppressed).reduce((sum, bucket) => sum + (bucket.personsOnBoard ?? 0), 0);
    expect(stats.total.personsOnBoard - published).toBe(0);
  });

  it('filters by date range and country, and groups by month and outcome', async () => {
    const { detectionStatistics } = await asAnalyst<{ detectionStatistics: { buckets: unknown[] } }>(
      '{ detectionStatistics(groupBy: [MONTH, OUTCOME], filter: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", country: ITA }) { buckets { month outcome suppressed personsOnBoard deaths } } }',
    );
    // Every outcome is listed for the month: the empty ones look exactly like suppressed ones.
    expect(detectionStatistics.buckets).toContainEqual({
      month: '2026-05',
      outcome: 'RESCUED',
      suppressed: false,
      personsOnBoard: 47,
      deaths: 3,
    });
    for (const bucket of detectionStatistics.buckets as Array<{ outcome: string }>) {
      if (bucket.outcome !== 'RESCUED')
        expect(bucket).toEqual({ month: '2026-05', outcome: bucket.outcome, suppressed: true, personsOnBoard: null, deaths: null });
    }
    expect(detectionStatistics.buckets.length).toBeGreaterThan(1);
  });

  it('migrants by nationality: 12 published, 10 suppressed, every demo group below k suppressed', async () => {
    const { migrantStatistics } = await asAnalyst<{
      migrantStatistics: {
        total: { migrants: number };
        buckets: Array<{ nationality: string; suppressed: boolean; migrants: number | null }>;
      };
    }>('{ migrantStatistics(groupBy: [NATIONALITY]) { total { migrants } buckets { nationality suppressed migrants } } }');
    const byNationality = Object.fromEntries(migrantStatistics.buckets.map((bucket) => [bucket.nationality, bucket]));
    expect(byNationality.SYR).toEqual({ nationality: 'SYR', suppressed: false, migrants: 12 });
    expect(byNationality.AFG).toEqual({ nationality: 'AFG', suppressed: true, migrants: null });
    expect(byNationality.HTI).toEqual({ nationality: 'HTI', suppressed: true, migrants: null });
    expect(migrantStatistics.total).toEqual({ migrants: 12 });
  });

  it('prosecutions and MLA requests: small groups suppressed', async () => {
    const data = await asAnalyst<{
      prosecutionStatistics: { buckets: Array<{ suppressed: boolean }> };
      mlaStatistics: { suppressedBuckets: number; total: { requests: number } };
    }>(
      '{ prosecutionStatistics(groupBy: [STAGE, VERDICT]) { buckets { stage verdict suppressed defendants } } mlaStatistics(groupBy: [STATUS]) { suppressedBuckets total { requests } } }',
    );
    expect(data.prosecutionStatistics.buckets.length).toBeGreaterThan(0);
    for (const bucket of data.prosecutionStatistics.buckets) expect(bucket.suppressed).toBe(true);
    // Every status is listed (10), empty or suppressed alike.
    expect(data.mlaStatistics).toEqual({ suppressedBuckets: 10, total: { requests: 0 } });
  });

  it('is one SQL statement per statistics query, whatever the data', async () => {
    const police = tidelink.stack.subgraphs.police.database.statements;
    police.reset();
    await asAnalyst('{ detectionStatistics(groupBy: [MONTH, SEA_AREA, DETECTING_COUNTRY, OUTCOME, VESSEL_TYPE]) { suppressedBuckets } }');
    expect(police.count).toBe(1);
  });

  it('keeps vulnerabilities and MLA to the agencies that may see them, and refuses a repeated dimension', async () => {
    const partner = await tidelink.token('PARTNER', 'DOM');
    const vulnerability = await tidelink.query('{ migrantStatistics(groupBy: [VULNERABILITY]) { k } }', { token: partner });
    expect(vulnerability.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    const mla = await tidelink.query('{ mlaStatistics(groupBy: [STATUS]) { k } }', { token: partner });
    expect(mla.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    const nationality = await tidelink.query('{ migrantStatistics(groupBy: [NATIONALITY]) { k } }', { token: partner });
    expect(nationality.body.errors).toBeUndefined();
    const repeated = await tidelink.query('{ detectionStatistics(groupBy: [MONTH, MONTH]) { k } }', { token: partner });
    expect(repeated.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const auditor = await tidelink.query('{ detectionStatistics(groupBy: []) { k } }', { token: await tidelink.token('AUDITOR', 'DOM') });
    expect(auditor.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });

  it('gives an analyst no personal field through any path', async () => {
    const analyst = await tidelink.token('ANALYST', 'DOM');
    const { body } = await tidelink.query(
      `{ migrant(id: "a1a00000-0000-4000-8000-000000000002") { identity { givenName } }
         case(id: "ca5e0000-0000-4000-8000-000000000001") { migrants { identity { givenName } } suspects { alias } }
         prosecution(id: "b40a0000-0000-4000-8000-000000000001") { witnesses { migrant { identity { givenName } } } defendants { suspect { alias } } } }`,
      { token: analyst },
    );
    const text = JSON.stringify(body.data);
    for (const personal of ['Mirlande', 'Joseph', 'El Capi', 'Tío Ramón']) expect(text).not.toContain(personal);
    for (const error of body.errors ?? []) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    expect((body.errors ?? []).length).toBeGreaterThanOrEqual(4);
  });
});
