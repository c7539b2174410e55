import type { DataSource } from 'typeorm';
import type { Agency } from '../../platform/auth.js';
import { EL_CAPITAN_PERSON_ID, RECURRING_VESSEL_ID, demoId, kind } from '../../subgraphs/demo/ids.js';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { errorAt, valueAt } from '../support/paths.js';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Case links (issue 14, item 3), through the gateway. The demo yola was detected in the Mona
 * Passage (DOM-2026-0142, released to DOM and the USA) and north of Curaçao (CUW-2026-0007,
 * released to all); El Capitán is a suspect in the Curaçao case and in the Turks and Caicos case
 * (TCA-2026-0031, NAMED DOM, HTI, USA), with one phone number and one passport.
 */
const MONA = demoId(kind.case, 1);
const TURKS = demoId(kind.case, 2);
const CURACAO = demoId(kind.case, 3);
const NETWORK = demoId(kind.network, 1);

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

/** A demo caller's query through the gateway (HTTP 200 required: test/support/stack.ts). */
const as: TestStack['queryAs'] = (agency, country, query, variables) => tidelink.queryAs(agency, country, query, variables);

interface Basis {
  kind: string;
  vesselId: string | null;
  personId: string | null;
  networkId: string | null;
  phone: string | null;
  document: { kind: string; number: string; issuingCountry: string } | null;
  distanceKm: number | null;
  since: string;
}
interface Link {
  case: { id: string; reference: string; ownerCountry: string; releasable: boolean };
  shared: Basis[];
  since: string;
}
type Links = { case: { reference: string; links: Link[] | null } | null };

const LINKS = `query Links($id: ID!) {
  case(id: $id) {
    reference
    links {
      case { id reference ownerCountry releasable }
      shared { kind vesselId personId networkId phone document { kind number issuingCountry } distanceKm since }
      since
    }
  }
}`;

async function linksOf(agency: Agency, country: string, id: string): Promise<Link[]> {
  const body = await as<Links>(agency, country, LINKS, { id });
  expect(body.errors).toBeUndefined();
  return body.data?.case?.links ?? [];
}

const kinds = (link: Link | undefined) => link?.shared.map((basis) => basis.kind).sort();

describe('the demo: the recurring yola and El Capitán', () => {
  it('links the Mona Passage case to the Curaçao case by the vessel detected in both', async () => {
    const links = await linksOf('POLICE', 'DOM', MONA);
    const curacao = links.find((link) => link.case.reference === 'CUW-2026-0007');
    expect(curacao?.case).toEqual({ id: CURACAO, reference: 'CUW-2026-0007', ownerCountry: 'CUW', releasable: true });
    expect(curacao?.shared).toEqual([
      expect.objectContaining({ kind: 'VESSEL', vesselId: RECURRING_VESSEL_ID, personId: null, distanceKm: null }),
    ]);
    // The later of the two detections: north of Curaçao, on 20 March.
    expect(curacao?.shared[0].since).toBe('2026-03-20T21:40:00.000Z');
    expect(curacao?.since).toBe(curacao?.shared[0].since);
  });

  it('links the Curaçao case to the Mona Passage (vessel) and Turks and Caicos (El Capitán) cases', async () => {
    const links = await linksOf('POLICE', 'TCA', CURACAO);
    const mona = links.find((link) => link.case.reference === 'DOM-2026-0142');
    const turks = links.find((link) => link.case.reference === 'TCA-2026-0031');
    expect(kinds(mona)).toEqual(['VESSEL']);
    expect(mona?.shared[0].vesselId).toBe(RECURRING_VESSEL_ID);
    expect(kinds(turks)).toEqual(['DOCUMENT', 'PERSON', 'PHONE']);
    expect(turks?.case.releasable).toBe(true);
    const by = (name: string) => turks?.shared.find((basis) => basis.kind === name);
    expect(by('PERSON')?.personId).toBe(EL_CAPITAN_PERSON_ID);
    expect(by('PHONE')?.phone).toBe('+18095550142');
    expect(by('DOCUMENT')?.document).toEqual({ kind: 'PASSPORT', number: 'SC4471902', issuingCountry: 'DOM' });
    // Most recent link first.
    const sinces = links.map((link) => link.since);
    expect([...sinces].sort().reverse()).toEqual(sinces);
  });

  it('links the Turks and Caicos case back to the Curaçao case by El Capitán', async () => {
    const links = await linksOf('POLICE', 'DOM', TURKS);
    const curacao = links.find((link) => link.case.reference === 'CUW-2026-0007');
    expect(kinds(curacao)).toEqual(['DOCUMENT', 'PERSON', 'PHONE']);
    expect(curacao?.shared.find((basis) => basis.kind === 'PERSON')?.personId).toBe(EL_CAPITAN_PERSON_ID);
  });

  // Acceptance "the hidden case is a hit only": the Dominican case (released to DOM and the USA) and
  // the Turks and Caicos one (named to DOM, HTI, USA) are linked to the Curaçao case, and not released to Curaçao.
  it('shows a Curaçao officer the Mona Passage and Turks and Caicos cases as hits only', async () => {
    const body = await as<{ case: { openedAt: string; links: Array<Link & { case: { status: string | null } }> } }>(
      'POLICE',
      'CUW',
      `query Links($id: ID!) { case(id: $id) { openedAt links { since case { id reference ownerCountry releasable status } shared { kind vesselId personId distanceKm since } } } }`,
      { id: CURACAO },
    );
    const links = body.data?.case.links ?? [];
    const mona = links.findIndex((link) => link.case.reference === 'DOM-2026-0142');
    const turks = links.findIndex((link) => link.case.reference === 'TCA-2026-0031');
    expect(links[mona]?.case).toEqual({ id: MONA, reference: 'DOM-2026-0142', ownerCountry: 'DOM', releasable: false, status: null });
    expect(links[turks]?.case).toEqual({ id: TURKS, reference: 'TCA-2026-0031', ownerCountry: 'TCA', releasable: false, status: null });
    expect(errorAt(body, ['case', 'links', mona, 'case', 'status'])?.extensions?.reason).toBe('NOT_RELEASABLE');
    expect(errorAt(body, ['case', 'links', turks, 'case', 'status'])?.extensions?.reason).toBe('NOT_RELEASABLE');
    // What is shared is named from the reader's own case: its vessel, its suspect's person.
    // Dated by the reader's own case: the hidden records' dates are their owners' to share.
    const ownOpening = body.data?.case.openedAt;
    expect(ownOpening).toBeDefined();
    expect(links[mona]?.shared).toEqual([
      { kind: 'VESSEL', vesselId: RECURRING_VESSEL_ID, personId: null, distanceKm: null, since: ownOpening },
    ]);
    expect(links[mona]?.since).toBe(ownOpening);
    expect(links[turks]?.shared.every((basis) => basis.since === ownOpening)).toBe(true);
    expect(links[turks]?.shared.find((basis) => basis.kind === 'PERSON')?.personId).toBe(EL_CAPITAN_PERSON_ID);
  });

  it('refuses the links of a case the reader may not see (its own release rule), and logs the read', async () => {
    const body = await as<Links>('POLICE', 'CUW', LINKS, { id: MONA });
    expect(valueAt(body.data, ['case', 'links'])).toBeNull();
    expect(errorAt(body, ['case', 'links'])?.extensions?.reason).toBe('NOT_RELEASABLE');
    const police = tidelink.stack.subgraphs.police.database.dataSource;
    const logged = async () =>
      (
        await police.query<Array<{ count: number }>>(
          "SELECT count(*)::int AS count FROM access_log WHERE entity_type = 'Case' AND entity_id = $1 AND country = 'CUW' AND 'links' = ANY(fields) AND decision = 'DENIED' AND reason = 'NOT_RELEASABLE'",
          [MONA],
        )
      )[0].count;
    await waitFor(async () => (await logged()) > 0, { what: 'the refused links read logged' });
  });

  it('gives prosecutors the links, and refuses IOM, partners and analysts', async () => {
    expect((await linksOf('PROSECUTOR', 'DOM', MONA)).map((link) => link.case.reference)).toContain('CUW-2026-0007');
    for (const agency of ['IOM', 'PARTNER', 'ANALYST'] as const) {
      const body = await as<Links>(agency, 'DOM', `query Links($id: ID!) { case(id: $id) { links { since } } }`, { id: MONA });
      expect(errorAt(body, ['case', 'links'])?.extensions?.reason ?? errorAt(body, ['case'])?.extensions?.reason).toBe('ROLE');
      expect(valueAt(body.data, ['case', 'links']) ?? null).toBeNull();
    }
  });
});

describe('a network and a route', () => {
  it('links a new case of the same network, detected 9 km from the Mona Passage yola', async () => {
    const opened = await as<{ openCase: { id: string } }>(
      'POLICE',
      'DOM',
      'mutation Open($input: OpenCaseInput!) { openCase(input: $input) { id } }',
      {
        input: {
          reference: 'DOM-2026-L001',
          leadCountry: 'DOM',
          offences: ['SMUGGLING_OF_MIGRANTS'],
          networkId: NETWORK,
          openedAt: '2026-04-02T08:00:00Z',
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const caseId = opened.data?.openCase.id as string;
    const recorded = await as('POLICE', 'DOM', 'mutation Record($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }', {
      input: {
        caseId,
        detectedAt: '2026-04-02T05:00:00Z',
        seaArea: 'Mona Passage',
        position: { latitude: 18.4, longitude: -67.8 },
        detectingCountry: 'DOM',
        outcome: 'TRACKED',
        personsOnBoard: 9,
        deaths: 0,
        vessel: { type: 'WOODEN_BOAT', registryStatus: 'NOT_REQUESTED', boardingAuthorization: 'OWN_FLAG' },
      },
    });
    expect(recorded.errors).toBeUndefined();
    const links = await linksOf('POLICE', 'DOM', MONA);
    expect(links[0]?.case.id).toBe(caseId);
    expect(kinds(links[0])).toEqual(['NETWORK', 'ROUTE']);
    const route = links[0]?.shared.find((basis) => basis.kind === 'ROUTE');
    expect(route?.distanceKm).toBeGreaterThan(8);
    expect(route?.distanceKm).toBeLessThan(10);
    expect(route?.since).toBe('2026-04-02T05:00:00.000Z');
    expect(links[0]?.shared.find((basis) => basis.kind === 'NETWORK')?.networkId).toBe(NETWORK);
    // The Curaçao case, 680 km away, shares no route.
    expect(kinds(links.find((link) => link.case.reference === 'CUW-2026-0007'))).toEqual(['VESSEL']);
  });
});

describe('a route across the antimeridian', () => {
  /** A Fijian case with one detection at this position (Fiji's waters straddle 180°). */
  async function fijianCase(reference: string, longitude: number): Promise<string> {
    const opened = await as<{ openCase: { id: string } }>(
      'POLICE',
      'FJI',
      'mutation Open($input: OpenCaseInput!) { openCase(input: $input) { id } }',
      { input: { reference, leadCountry: 'FJI', offences: ['SMUGGLING_OF_MIGRANTS'], openedAt: '2026-05-02T08:00:00Z' } },
    );
    expect(opened.errors).toBeUndefined();
    const caseId = opened.data?.openCase.id as string;
    const recorded = await as('POLICE', 'FJI', 'mutation Record($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }', {
      input: {
        caseId,
        detectedAt: '2026-05-02T05:00:00Z',
        seaArea: 'Koro Sea',
        position: { latitude: -16.8, longitude },
        detectingCountry: 'FJI',
        outcome: 'TRACKED',
        personsOnBoard: 12,
        deaths: 0,
        vessel: { type: 'SPEEDBOAT', registryStatus: 'NOT_REQUESTED', boardingAuthorization: 'OWN_FLAG' },
      },
    });
    expect(recorded.errors).toBeUndefined();
    return caseId;
  }

  it('links detections 10.7 km apart on either side of 180°, and not ones 48 km apart', async () => {
    const east = await fijianCase('FJI-2026-A001', 179.95);
    const west = await fijianCase('FJI-2026-A002', -179.95);
    const far = await fijianCase('FJI-2026-A003', -179.6);
    for (const [from, to] of [
      [east, west],
      [west, east],
    ]) {
      const links = await linksOf('POLICE', 'FJI', from);
      const route = links.find((link) => link.case.id === to)?.shared.find((basis) => basis.kind === 'ROUTE');
      // 0.1° of longitude at 16.8° S: 111.195 km × cos(16.8°) × 0.1 ≈ 10.6 km.
      expect(route?.distanceKm).toBeGreaterThan(10.4);
      expect(route?.distanceKm).toBeLessThan(10.9);
    }
    // 0.45° east of the first across 180° (≈ 48 km): no route; to the west case, 0.35° (≈ 37 km): none either.
    const eastLinks = await linksOf('POLICE', 'FJI', east);
    expect(eastLinks.find((link) => link.case.id === far)).toBeUndefined();
    expect((await linksOf('POLICE', 'FJI', far)).map((link) => link.case.id)).toEqual([]);
  });
});

describe('batching', () => {
  const DEEP = `query Deep($first: Int!) {
    cases(first: $first, filter: { includeHits: true }) {
      nodes { id links { since case { id reference ownerCountry releasable } shared { kind vesselId personId networkId phone distanceKm since } } }
    }
  }`;

  async function statements(first: number): Promise<Record<SubgraphName, number>> {
    for (const name of SUBGRAPH_NAMES) tidelink.stack.subgraphs[name].database.statements.reset();
    const body = await as<{ cases: { nodes: Array<{ links: Link[] | null }> } }>('POLICE', 'DOM', DEEP, { first });
    for (const error of body.errors ?? []) expect(error.extensions?.reason).toBe('NOT_RELEASABLE');
    expect(body.data?.cases.nodes).toHaveLength(first);
    const links = (body.data?.cases.nodes ?? []).flatMap((node) => node.links ?? []);
    // Both pages reach cases beyond themselves, visible ones and hits.
    expect(links.some((link) => link.case.releasable)).toBe(true);
    if (first === 100) expect(links.some((link) => !link.case.releasable)).toBe(true);
    return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.statements.count])) as Record<
      SubgraphName,
      number
    >;
  }

  it('issues as many statements for Case.links over cases(first: 100) as over (first: 10)', async () => {
    const dataSources = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
    ) as Record<SubgraphName, DataSource>;
    await seedSynthetic(dataSources, 150);
    const ten = await statements(10);
    const hundred = await statements(100);
    process.stdout.write(`links: SQL statements first: 10 → ${JSON.stringify(ten)}; first: 100 → ${JSON.stringify(hundred)}\n`);
    expect(hundred).toEqual(ten);
  });
});
