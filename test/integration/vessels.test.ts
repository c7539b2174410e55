import type { DataSource } from 'typeorm';
import { demoId, kind, RECURRING_VESSEL_ID } from '../../subgraphs/demo/ids.js';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { rowCounts } from '../support/counts.js';
import { errorAt } from '../support/paths.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Vessels persist across detections (issue 14, item 1), through the gateway: the demo yola was
 * intercepted in the Mona Passage (DOM-2026-0142, released to DOM and USA) and met again north of
 * Curaçao (CUW-2026-0007, released to all); recordDetection links on exact identifiers and refuses
 * identifiers that disagree.
 */
const MONA = demoId(kind.case, 1);
const LAMPEDUSA_VESSEL = demoId(kind.vessel, 4);

let tidelink: TestStack;
let police: DataSource;
beforeAll(async () => {
  tidelink = await startTestStack();
  police = tidelink.stack.subgraphs.police.database.dataSource;
});
afterAll(async () => {
  await tidelink?.stop();
});

/** A demo caller's query through the gateway (HTTP 200 required: test/support/stack.ts). */
const as: TestStack['queryAs'] = (agency, country, query, variables) => tidelink.queryAs(agency, country, query, variables);

const VESSEL = `query Vessel($id: ID!) {
  vessel(id: $id) {
    id type flagState mmsi registration imo hullDescription
    detections { seaArea detectingCountry case { reference } }
    cases { reference ownerCountry releasable status }
  }
}`;

type VesselData = {
  vessel: {
    id: string;
    mmsi: string | null;
    registration: string | null;
    imo: string | null;
    detections: Array<{ seaArea: string; detectingCountry: string; case: { reference: string } }>;
    cases: Array<{ reference: string; ownerCountry: string; releasable: boolean; status: string | null }>;
  } | null;
};

const RECORD = `mutation Record($input: RecordDetectionInput!) { recordDetection(input: $input) { id vessel { id imo mmsi registration flagState } } }`;

interface Recorded {
  recordDetection: {
    id: string;
    vessel: { id: string; imo: string | null; mmsi: string | null; registration: string | null; flagState: string | null };
  } | null;
}

function detection(vessel: Record<string, unknown>) {
  return {
    caseId: MONA,
    detectedAt: '2026-03-16T05:00:00Z',
    seaArea: 'Mona Passage',
    position: { latitude: 18.2, longitude: -67.9 },
    detectingCountry: 'DOM',
    outcome: 'TRACKED',
    personsOnBoard: 4,
    deaths: 0,
    vessel: { type: 'SPEEDBOAT', registryStatus: 'REQUESTED', boardingAuthorization: 'OWN_FLAG', ...vessel },
  };
}

async function record(vessel: Record<string, unknown>, input: Record<string, unknown> = detection(vessel)) {
  return as<Recorded>('POLICE', 'DOM', RECORD, { input });
}

async function vesselRows(where: string, values: unknown[]): Promise<Array<{ id: string; imo: string | null; mmsi: string | null }>> {
  return police.query(`SELECT id, imo, mmsi FROM vessels WHERE ${where}`, values);
}

describe('the demo yola, detected in a Dominican and a Curaçao case', () => {
  it('lists both cases and both detections for a reader who may see both', async () => {
    const body = await as<VesselData>('POLICE', 'DOM', VESSEL, { id: RECURRING_VESSEL_ID });
    expect(body.errors).toBeUndefined();
    expect(body.data?.vessel).toMatchObject({ mmsi: '327004512', registration: 'HIG-0457', flagState: 'DOM' });
    expect(body.data?.vessel?.cases).toEqual([
      { reference: 'DOM-2026-0142', ownerCountry: 'DOM', releasable: true, status: 'REFERRED_FOR_PROSECUTION' },
      { reference: 'CUW-2026-0007', ownerCountry: 'CUW', releasable: true, status: 'OPEN' },
    ]);
    expect(body.data?.vessel?.detections.map((d) => d.case.reference)).toEqual(['DOM-2026-0142', 'CUW-2026-0007']);
  });

  it('gives the Curaçao bureau the Dominican case as a hit only, and leaves its detection out', async () => {
    const body = await as<VesselData>('POLICE', 'CUW', VESSEL, { id: RECURRING_VESSEL_ID });
    expect(body.data?.vessel?.cases).toEqual([
      { reference: 'DOM-2026-0142', ownerCountry: 'DOM', releasable: false, status: null },
      { reference: 'CUW-2026-0007', ownerCountry: 'CUW', releasable: true, status: 'OPEN' },
    ]);
    expect(errorAt(body, ['vessel', 'cases', 0, 'status'])?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_RELEASABLE' });
    expect(body.data?.vessel?.detections).toEqual([
      { seaArea: 'North of Curaçao', detectingCountry: 'CUW', case: { reference: 'CUW-2026-0007' } },
    ]);
  });

  it('is reachable from a detection: detections { vessel { cases } } as the owner sees it', async () => {
    const body = await as<{ case: { detections: Array<{ vessel: { cases: Array<{ reference: string }> } }> } }>(
      'POLICE',
      'DOM',
      `{ case(id: "${MONA}") { detections { vessel { cases { reference } } } } }`,
    );
    expect(body.data?.case.detections[0].vessel.cases.map((c) => c.reference)).toEqual(['DOM-2026-0142', 'CUW-2026-0007']);
  });

  it('is NOT_FOUND for a reader none of whose cases it is in scope of, exactly as an unknown id; FORBIDDEN ROLE for IOM and analysts', async () => {
    // The Lampedusa dinghy's only case stays with Italy.
    const hidden = await as<VesselData>('POLICE', 'DOM', VESSEL, { id: LAMPEDUSA_VESSEL });
    const unknown = await as<VesselData>('POLICE', 'DOM', VESSEL, { id: demoId(kind.vessel, 999) });
    expect(hidden.data?.vessel).toBeNull();
    expect(hidden.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(unknown.errors?.map((error) => ({ message: error.message, code: error.extensions?.code }))).toEqual(
      hidden.errors?.map((error) => ({ message: error.message, code: error.extensions?.code })),
    );
    expect((await as<VesselData>('POLICE', 'ITA', VESSEL, { id: LAMPEDUSA_VESSEL })).data?.vessel?.cases).toHaveLength(1);
    for (const agency of ['IOM', 'ANALYST', 'PARTNER'] as const) {
      const refused = await as<VesselData>(agency, 'DOM', VESSEL, { id: RECURRING_VESSEL_ID });
      expect(refused.data?.vessel ?? null).toBeNull();
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    }
  });

  it('logs each read of a vessel across cases', async () => {
    const [{ count }] = await police.query<Array<{ count: number }>>(
      "SELECT count(*)::int AS count FROM access_log WHERE entity_type = 'Vessel' AND entity_id = $1",
      [RECURRING_VESSEL_ID],
    );
    expect(count).toBeGreaterThan(0);
  });
});

describe('recordDetection matches a known vessel on an exact identifier', () => {
  it('on the IMO number (given with or without "IMO"), filling in the MMSI it lacked', async () => {
    const first = await record({ imo: 'IMO 9074729', name: 'Ocean Star' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordDetection?.vessel).toMatchObject({ imo: '9074729', mmsi: null });
    const second = await record({ imo: '9074729', mmsi: '352001234' });
    expect(second.data?.recordDetection?.vessel).toEqual({ ...first.data?.recordDetection?.vessel, mmsi: '352001234' });
    expect(await vesselRows('imo = $1', ['9074729'])).toEqual([
      { id: first.data?.recordDetection?.vessel.id, imo: '9074729', mmsi: '352001234' },
    ]);
  });

  it('on the MMSI alone', async () => {
    const first = await record({ mmsi: '338123456' });
    const second = await record({ mmsi: '338123456', hullDescription: 'Grey go-fast, twin 250 hp outboards' });
    expect(second.data?.recordDetection?.vessel.id).toBe(first.data?.recordDetection?.vessel.id);
    expect(await vesselRows('mmsi = $1', ['338123456'])).toHaveLength(1);
  });

  it('on flag State and registration together, and not on the registration of another flag', async () => {
    const first = await record({ flagState: 'PAN', registration: '45678-PEXT' });
    const second = await record({ flagState: 'PAN', registration: '45678-PEXT', imo: '9176187' });
    expect(second.data?.recordDetection?.vessel).toMatchObject({ id: first.data?.recordDetection?.vessel.id, imo: '9176187' });
    const otherFlag = await record({ flagState: 'HND', registration: '45678-PEXT' });
    expect(otherFlag.data?.recordDetection?.vessel.id).not.toBe(first.data?.recordDetection?.vessel.id);
  });

  it('records a new vessel every time when no identifier is given', async () => {
    const first = await record({});
    const second = await record({});
    expect(second.data?.recordDetection?.vessel.id).not.toBe(first.data?.recordDetection?.vessel.id);
  });

  it('refuses identifiers naming two different vessels, or differing from the known vessel, and writes nothing', async () => {
    await record({ imo: '9321483' });
    await record({ mmsi: '636012345' });
    const before = await rowCounts(tidelink);
    const two = await record({ imo: '9321483', mmsi: '636012345' });
    expect(two.data?.recordDetection ?? null).toBeNull();
    expect(two.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VESSEL_IDENTIFIERS_DISAGREE',
      fields: [
        { field: 'vessel.imo', reasons: ['MATCHES_ANOTHER_VESSEL'] },
        { field: 'vessel.mmsi', reasons: ['MATCHES_ANOTHER_VESSEL'] },
      ],
    });
    // 538: the Marshall Islands' digits; the vessel flies its flag.
    await record({ imo: '9319466', mmsi: '538007001', flagState: 'MHL' });
    const differing = await record({ imo: '9319466', mmsi: '538007002' });
    expect(differing.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VESSEL_IDENTIFIERS_DISAGREE',
      fields: [{ field: 'vessel.mmsi', reasons: ['DIFFERS_FROM_KNOWN_VESSEL'] }],
    });
    const before2 = await rowCounts(tidelink);
    const reflagged = await record({ imo: '9319466', flagState: 'LBR', registration: 'LR-1234' });
    // A registration is its flag State's: another flag's registration on the same IMO number is a conflict, not a merge.
    expect(reflagged.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VESSEL_IDENTIFIERS_DISAGREE',
      fields: [{ field: 'vessel.flagState', reasons: ['DIFFERS_FROM_KNOWN_VESSEL'] }],
    });
    expect(await rowCounts(tidelink)).toEqual(before2);
    expect(before2).toEqual({
      ...before,
      'police.vessels': before['police.vessels'] + 1,
      'police.detections': before['police.detections'] + 1,
    });
  });

  it('refuses a wrong IMO check digit, a malformed IMO, a non-ship MMSI and a registration with no flag State', async () => {
    const cases: Array<[Record<string, unknown>, { field: string; reasons: string[] }]> = [
      [{ imo: '9074728' }, { field: 'vessel.imo', reasons: ['INVALID_IMO_CHECK_DIGIT'] }],
      [{ imo: 'IMO 907472' }, { field: 'vessel.imo', reasons: ['INVALID_IMO_FORMAT'] }],
      [{ mmsi: '127004512' }, { field: 'vessel.mmsi', reasons: ['MMSI_NOT_A_SHIP_STATION'] }],
      [{ mmsi: '32700451' }, { field: 'vessel.mmsi', reasons: ['INVALID_MMSI_FORMAT'] }],
      [{ registration: 'HIG-0999' }, { field: 'vessel.registration', reasons: ['REGISTRATION_NEEDS_FLAG_STATE'] }],
    ];
    const before = await rowCounts(tidelink);
    for (const [vessel, problem] of cases) {
      const body = await record(vessel);
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [problem] });
    }
    expect(await rowCounts(tidelink)).toEqual(before);
    // The database holds the same line: a wrong check digit written past the service is refused too.
    await expect(
      police.query(
        "INSERT INTO vessels (type, registry_status, boarding_authorization, imo) VALUES ('DINGHY', 'STATELESS', 'OWN_FLAG', '9074728')",
      ),
    ).rejects.toThrow(/vessels_imo_check_digit/);
  });

  it('makes one vessel of concurrent detections of the same new vessel', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, n) => {
        const vessel = { imo: '9234563', mmsi: n % 2 === 0 ? '311000777' : null };
        // Each opens its own case: detections on one case would already wait on the case's row lock.
        const openCase = { reference: `DOM-2026-77${n}0`, leadCountry: 'DOM', offences: ['SMUGGLING_OF_MIGRANTS'] };
        return record(vessel, { ...detection(vessel), caseId: null, openCase });
      }),
    );
    for (const body of results) expect(body.errors).toBeUndefined();
    const rows = await vesselRows('imo = $1 OR mmsi = $2', ['9234563', '311000777']);
    expect(rows).toHaveLength(1);
    const [{ count }] = await police.query<Array<{ count: number }>>('SELECT count(*)::int AS count FROM detections WHERE vessel_id = $1', [
      rows[0].id,
    ]);
    expect(count).toBe(6);
  });
});

describe('batching', () => {
  const DEEP = `query Deep($first: Int!) { cases(first: $first) { nodes { detections { vessel { cases { id } detections { id } } } } } }`;

  async function statementsFor(first: number): Promise<number> {
    const database = tidelink.stack.subgraphs.police.database;
    database.statements.reset();
    const body = await as<{ cases: { nodes: unknown[] } }>('POLICE', 'DOM', DEEP, { first });
    for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.cases.nodes).toHaveLength(first);
    return database.statements.count;
  }

  it('issues as many police statements for Vessel.cases over cases(first: 100) as over first: 10', async () => {
    const dataSources = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
    ) as Record<SubgraphName, DataSource>;
    await seedSynthetic(dataSources, 150);
    // The synthetic seed reuses a vessel for one detection in ten: some vessels span cases.
    const [{ shared }] = await police.query<Array<{ shared: number }>>(
      'SELECT count(*)::int AS shared FROM (SELECT vessel_id FROM detections GROUP BY vessel_id HAVING count(DISTINCT case_id) > 1) AS spanning',
    );
    expect(shared).toBeGreaterThan(5);
    // Both pages must reach a case beyond themselves through Vessel.cases (cases on the page are
    // already in the loader): the demo yola, on the first page, was also seen in the oldest case.
    await police.query(
      'UPDATE detections SET vessel_id = $1 WHERE id = (SELECT d.id FROM detections d JOIN cases c ON c.id = d.case_id ORDER BY c.opened_at, d.id LIMIT 1)',
      [RECURRING_VESSEL_ID],
    );
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    process.stdout.write(`police SQL statements for Vessel.cases — first: 10 → ${ten}; first: 100 → ${hundred}\n`);
    expect(hundred).toBe(ten);
  });
});
