import { DataSource } from 'typeorm';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { errorAt, valueAt } from '../support/paths.js';
import { FOLLOW_CASE } from '../support/queries.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

/**
 * The owner decides (issue 12, police part), through the gateway: DOM-2026-0142 is owned by the
 * Dominican bureau and released to the countries it involves (DOM, and the USA that intercepted the
 * yola). Italy is not involved: its police get a hit only until the owner names Italy.
 */
const MONA = 'ca5e0000-0000-4000-8000-000000000001';
const MONA_SUSPECT = '5a5bec70-0000-4000-8000-000000000001';
const MONA_DETECTION = 'de7ec700-0000-4000-8000-000000000001';
const LAMPEDUSA = 'ca5e0000-0000-4000-8000-000000000004';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

/** A demo caller's query through the gateway (HTTP 200 required: test/support/stack.ts). */
const as: TestStack['queryAs'] = (agency, country, query, variables) => tidelink.queryAs(agency, country, query, variables);

const reasonAt = (body: GraphQLResponse['body'], path: Array<string | number>) => errorAt(body, path)?.extensions?.reason;

const HIT = 'query Hit($id: ID!) { case(id: $id) { id reference ownerCountry releasable status sharingScope releasableTo version } }';
const SET_SHARING = `mutation Share($id: ID!, $version: Int!, $scope: SharingScope!, $countries: [CountryCode!]) {
  setCaseSharing(id: $id, version: $version, scope: $scope, countries: $countries) { id version sharingScope releasableTo }
}`;
const LIST = `query List($filter: CaseFilter, $first: Int) {
  cases(filter: $filter, first: $first) { totalCount nodes { id reference ownerCountry releasable status } }
}`;
const SHARE = `mutation Share($input: ShareIntelligenceInput!) { shareIntelligence(input: $input) { id sourceCountry handlingCode } }`;

/** The case's version as its owner reads it now. */
async function versionOf(id: string, owner = 'DOM'): Promise<number> {
  const body = await as<{ case: { version: number } }>('POLICE', owner, HIT, { id });
  return body.data?.case.version as number;
}

interface Listed {
  cases: {
    totalCount: number;
    nodes: Array<{ id: string; reference: string; ownerCountry: string; releasable: boolean; status: string | null }>;
  };
}

describe('a police officer of an uninvolved country (ITA) and the Mona Passage case', () => {
  it('gets the hit only from FollowCase: id, reference, owner to contact, releasable false; every police field NOT_RELEASABLE', async () => {
    const body = await as('POLICE', 'ITA', FOLLOW_CASE, { id: MONA });
    expect(valueAt(body.data, ['case', 'id'])).toBe(MONA);
    expect(valueAt(body.data, ['case', 'reference'])).toBe('DOM-2026-0142');
    for (const field of ['status', 'leadCountry', 'openedAt', 'offences', 'aggravations', 'detections', 'suspects', 'intelligence']) {
      expect(valueAt(body.data, ['case', field])).toBeNull();
      expect(reasonAt(body, ['case', field])).toBe('NOT_RELEASABLE');
    }
    // Nothing police holds on the case leaks into the response (migrants and prosecution are the other subgraphs' to decide).
    const text = JSON.stringify(body);
    for (const secret of ['Mona Passage', 'El Capi', 'Miches', 'ENDANGERING_LIFE', '18.3312', 'Higüey']) expect(text).not.toContain(secret);

    const hit = await as<{ case: Record<string, unknown> }>('POLICE', 'ITA', HIT, { id: MONA });
    expect(hit.data?.case).toEqual({
      id: MONA,
      reference: 'DOM-2026-0142',
      ownerCountry: 'DOM',
      releasable: false,
      status: null,
      sharingScope: null,
      releasableTo: null,
      version: null,
    });
    // Each withheld field, and only those, is reported NOT_RELEASABLE.
    expect(hit.errors?.map((error) => [error.path?.join('.'), error.extensions?.reason]).sort()).toEqual(
      ['releasableTo', 'sharingScope', 'status', 'version'].map((field) => [`case.${field}`, 'NOT_RELEASABLE']),
    );
  });

  it('is released in full to the owner and to the involved detecting country (USA)', async () => {
    for (const country of ['DOM', 'USA']) {
      const body = await as<{ case: Record<string, unknown> }>('POLICE', country, HIT, { id: MONA });
      expect(body.errors).toBeUndefined();
      expect(body.data?.case).toMatchObject({
        ownerCountry: 'DOM',
        releasable: true,
        sharingScope: 'INVOLVED',
        releasableTo: ['DOM', 'USA'],
      });
    }
  });

  it("leaves the case out of ITA's list and count, and shows it as a hit with includeHits", async () => {
    const plain = await as<Listed>('POLICE', 'ITA', LIST, { first: 100 });
    expect(plain.errors).toBeUndefined();
    expect(plain.data?.cases.nodes.map((node) => node.reference)).not.toContain('DOM-2026-0142');
    // ITA's own case is listed, so the list checked below is not empty.
    expect(plain.data?.cases.nodes.map((node) => node.reference)).toContain('ITA-2026-0311');
    expect(plain.data?.cases.nodes.every((node) => node.releasable)).toBe(true);
    expect(plain.data?.cases.totalCount).toBe(plain.data?.cases.nodes.length);

    const hits = await as<Listed>('POLICE', 'ITA', LIST, { first: 100, filter: { includeHits: true } });
    const mona = hits.data?.cases.nodes.find((node) => node.reference === 'DOM-2026-0142');
    expect(mona).toEqual({ id: MONA, reference: 'DOM-2026-0142', ownerCountry: 'DOM', releasable: false, status: null });
    expect(hits.data?.cases.totalCount).toBe(hits.data?.cases.nodes.length);
    // Italy reads its own case and the two released to all; the Dominican and the Turks and Caicos cases are hits.
    expect(plain.data?.cases.nodes.map((node) => node.reference).sort()).toEqual(['CUW-2026-0007', 'ESP-2026-0058', 'ITA-2026-0311']);
    expect(
      hits.data?.cases.nodes
        .filter((node) => !node.releasable)
        .map((node) => node.reference)
        .sort(),
    ).toEqual(['DOM-2026-0142', 'TCA-2026-0031']);
    expect(hits.data?.cases.totalCount).toBe(5);
  });

  it("is refused the case's suspect and detection by id, and through _entities from the other subgraphs", async () => {
    const body = await as(
      'POLICE',
      'ITA',
      `{
      suspect(id: "${MONA_SUSPECT}") { alias }
      detection(id: "${MONA_DETECTION}") { seaArea }
      prosecution(id: "b40a0000-0000-4000-8000-000000000001") { defendants { suspect { alias } } }
      migrant(id: "a1a00000-0000-4000-8000-000000000001") { detection { seaArea } }
    }`,
    );
    expect(valueAt(body.data, ['suspect'])).toBeNull();
    expect(reasonAt(body, ['suspect'])).toBe('NOT_RELEASABLE');
    expect(valueAt(body.data, ['detection'])).toBeNull();
    expect(reasonAt(body, ['detection'])).toBe('NOT_RELEASABLE');
    expect(reasonAt(body, ['prosecution', 'defendants', 0, 'suspect'])).toBe('NOT_RELEASABLE');
    expect(reasonAt(body, ['migrant', 'detection'])).toBe('NOT_RELEASABLE');
    expect(JSON.stringify(body.data)).not.toContain('El Capi');
  });

  it("leaves the case's suspects out of the network's list for ITA, not for DOM", async () => {
    const query = '{ smugglingNetworks { name suspects { alias } } }';
    const suspectsOf = (
      body: GraphQLResponse<{ smugglingNetworks: Array<{ name: string; suspects: Array<{ alias: string }> }> }>['body'],
    ) =>
      body.data?.smugglingNetworks.find((network) => network.name === 'Red del Canal de la Mona')?.suspects.map((suspect) => suspect.alias);
    expect(suspectsOf(await as('POLICE', 'ITA', query))).toEqual([]);
    expect(suspectsOf(await as('POLICE', 'DOM', query))).toEqual(['El Capi', 'La Flaca', 'Tío Ramón']);
  });
});

describe('the owner widens and narrows', () => {
  it("refuses the scope change to anyone but the owner's police", async () => {
    const version = await versionOf(MONA);
    const variables = { id: MONA, version, scope: 'ALL' };
    for (const [agency, country, reason] of [
      ['POLICE', 'ITA', 'NOT_RELEASABLE'],
      ['POLICE', 'USA', 'NOT_RELEASABLE'],
      ['PROSECUTOR', 'DOM', 'ROLE'],
      ['IOM', 'DOM', 'ROLE'],
    ] as const) {
      const body = await as(agency, country, SET_SHARING, variables);
      expect(body.data?.setCaseSharing).toBeNull();
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason });
    }
    expect(await versionOf(MONA)).toBe(version);
  });

  it('refuses countries without NAMED, NAMED without countries, lower-case codes and a stale version', async () => {
    const version = await versionOf(MONA);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ scope: 'ALL', countries: ['ITA'] }, 'countries'],
      [{ scope: 'NAMED', countries: [] }, 'countries'],
    ];
    for (const [variables, field] of cases) {
      const body = await as('POLICE', 'DOM', SET_SHARING, { id: MONA, version, ...variables });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] });
    }
    const lower = await as('POLICE', 'DOM', SET_SHARING, { id: MONA, version, scope: 'NAMED', countries: ['ita'] });
    expect(lower.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const stale = await as('POLICE', 'DOM', SET_SHARING, { id: MONA, version: version - 1, scope: 'NAMED', countries: ['ITA'] });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await versionOf(MONA)).toBe(version);
  });

  it('NAMED [ITA] opens the case to Italy at once (lists included); withheld intelligence is absent, not null; narrowing closes it again', async () => {
    const version = await versionOf(MONA);
    const widened = await as<{ setCaseSharing: Record<string, unknown> }>('POLICE', 'DOM', SET_SHARING, {
      id: MONA,
      version,
      scope: 'NAMED',
      countries: ['ITA'],
    });
    expect(widened.errors).toBeUndefined();
    expect(widened.data?.setCaseSharing).toEqual({ id: MONA, version: version + 1, sharingScope: 'NAMED', releasableTo: ['DOM', 'ITA'] });

    const open = await as('POLICE', 'ITA', FOLLOW_CASE, { id: MONA });
    expect(valueAt(open.data, ['case', 'status'])).toBe('REFERRED_FOR_PROSECUTION');
    expect(valueAt(open.data, ['case', 'suspects', 0, 'alias'])).toBe('El Capi');
    expect(valueAt(open.data, ['case', 'detections', 0, 'position', 'latitude'])).toBe(18.3312);
    // Only the H0 item is released to Italy (H1 to DOM/USA/PRI, H3 to DOM/TCA): the others are left out.
    expect(valueAt(open.data, ['case', 'intelligence'])).toEqual([expect.objectContaining({ handlingCode: 'H0' })]);
    expect(
      (open.errors ?? []).filter(
        (error) =>
          error.path?.[0] === 'case' &&
          error.path?.[1] !== 'migrants' &&
          error.path?.[1] !== 'prosecution' &&
          error.path?.[1] !== 'assistanceSummary',
      ),
    ).toEqual([]);
    // The items left out were still read, and logged as withheld from Italy.
    const log = await as<{
      policeAccessLog: { nodes: Array<{ country: string; decision: string; reason: string | null; fields: string[] }> };
    }>(
      'AUDITOR',
      'DOM',
      '{ policeAccessLog(first: 100, filter: { entityId: "1e7e1100-0000-4000-8000-000000000002" }) { nodes { country decision reason fields } } }',
    );
    expect(log.data?.policeAccessLog.nodes).toContainEqual({
      country: 'ITA',
      decision: 'DENIED',
      reason: 'NOT_RELEASABLE',
      fields: ['content'],
    });
    const listed = await as<Listed>('POLICE', 'ITA', LIST, { first: 100 });
    expect(listed.data?.cases.nodes.map((node) => node.reference)).toContain('DOM-2026-0142');
    // The USA, involved but no longer named, is now outside.
    expect((await as<{ case: { releasable: boolean } }>('POLICE', 'USA', HIT, { id: MONA })).data?.case.releasable).toBe(false);

    const narrowed = await as<{ setCaseSharing: Record<string, unknown> }>('POLICE', 'DOM', SET_SHARING, {
      id: MONA,
      version: version + 1,
      scope: 'INVOLVED',
    });
    expect(narrowed.data?.setCaseSharing).toEqual({
      id: MONA,
      version: version + 2,
      sharingScope: 'INVOLVED',
      releasableTo: ['DOM', 'USA'],
    });
    const closed = await as('POLICE', 'ITA', FOLLOW_CASE, { id: MONA });
    expect(valueAt(closed.data, ['case', 'reference'])).toBe('DOM-2026-0142');
    expect(reasonAt(closed, ['case', 'suspects'])).toBe('NOT_RELEASABLE');
    const relisted = await as<Listed>('POLICE', 'ITA', LIST, { first: 100 });
    expect(relisted.data?.cases.nodes.map((node) => node.reference)).not.toContain('DOM-2026-0142');
  });

  it('lets only the owner advance, refer, add a suspect or record a detection on the case', async () => {
    const version = await versionOf(MONA);
    const detection = {
      caseId: MONA,
      detectedAt: '2026-03-15T04:00:00Z',
      seaArea: 'Mona Passage',
      position: { latitude: 18.3, longitude: -67.8 },
      detectingCountry: 'USA',
      outcome: 'TRACKED',
      personsOnBoard: 12,
      deaths: 0,
    };
    const writes: Array<[string, Record<string, unknown>]> = [
      ['mutation ($id: ID!, $version: Int!) { advanceCase(id: $id, version: $version, status: CLOSED) { id } }', { id: MONA, version }],
      ['mutation ($id: ID!, $version: Int!) { referCaseForProsecution(id: $id, version: $version) { id } }', { id: MONA, version }],
      [
        'mutation ($input: AddSuspectInput!) { addSuspect(input: $input) { id } }',
        { input: { caseId: MONA, alias: 'Forged', role: 'CREW' } },
      ],
      ['mutation ($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }', { input: detection }],
    ];
    // The USA may read the case (it is involved) but does not own it; Italy may not even read it.
    for (const country of ['USA', 'ITA']) {
      for (const [mutation, variables] of writes) {
        const body = await as('POLICE', country, mutation, variables);
        expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_RELEASABLE' });
      }
    }
    expect(await versionOf(MONA)).toBe(version);
    const suspects = await as<{ case: { suspects: unknown[] } }>('POLICE', 'DOM', `{ case(id: "${MONA}") { suspects { alias } } }`);
    expect(suspects.data?.case.suspects).toHaveLength(3);
  });
});

describe("intelligence: the source country is the caller's", () => {
  const item = {
    caseId: MONA,
    summary: 'Second yola seen fuelling at the same jetty.',
    handlingCode: 'H0',
    sourceReliability: 'B',
    informationAccuracy: 'CORROBORATED',
  };

  it('refuses a forged source country with BAD_USER_INPUT and writes nothing', async () => {
    const body = await as('POLICE', 'DOM', SHARE, { input: { ...item, sourceCountry: 'USA' } });
    expect(body.data?.shareIntelligence).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'sourceCountry' })],
    });
    const items = await as<{ case: { intelligence: unknown[] } }>('POLICE', 'DOM', `{ case(id: "${MONA}") { intelligence { id } } }`);
    expect(items.data?.case.intelligence).toHaveLength(3);
  });

  it("records the caller's country as source for police of an involved country that is not the owner", async () => {
    const body = await as<{ shareIntelligence: { sourceCountry: string } }>('POLICE', 'USA', SHARE, { input: item });
    expect(body.errors).toBeUndefined();
    expect(body.data?.shareIntelligence.sourceCountry).toBe('USA');
    const same = await as<{ shareIntelligence: { sourceCountry: string } }>('POLICE', 'USA', SHARE, {
      input: { ...item, sourceCountry: 'USA' },
    });
    expect(same.data?.shareIntelligence.sourceCountry).toBe('USA');
  });

  it('refuses sharing on a case the caller may not read (NOT_RELEASABLE), and to other agencies (ROLE)', async () => {
    const italy = await as('POLICE', 'ITA', SHARE, { input: item });
    expect(italy.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_RELEASABLE' });
    const prosecutor = await as('PROSECUTOR', 'DOM', SHARE, { input: item });
    expect(prosecutor.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });
});

describe('a case the caller opens', () => {
  it("is owned by the caller's country, and a detection by another country releases it to that country too", async () => {
    const opened = await as<{ openCase: { id: string; ownerCountry: string; sharingScope: string; releasableTo: string[] } }>(
      'POLICE',
      'ITA',
      'mutation { openCase(input: { reference: "ITA-2026-0999", leadCountry: "ITA", offences: [SMUGGLING_OF_MIGRANTS] }) { id ownerCountry sharingScope releasableTo } }',
    );
    expect(opened.errors).toBeUndefined();
    const id = opened.data?.openCase.id as string;
    expect(opened.data?.openCase).toMatchObject({ ownerCountry: 'ITA', sharingScope: 'INVOLVED', releasableTo: ['ITA'] });
    expect((await as<{ case: { releasable: boolean } }>('POLICE', 'MLT', HIT, { id })).data?.case.releasable).toBe(false);

    const recorded = await as('POLICE', 'ITA', 'mutation ($input: RecordDetectionInput!) { recordDetection(input: $input) { id } }', {
      input: {
        caseId: id,
        detectedAt: '2026-06-01T04:00:00Z',
        seaArea: 'Maltese SAR zone',
        position: { latitude: 35.1, longitude: 14.1 },
        detectingCountry: 'MLT',
        outcome: 'RESCUED',
        personsOnBoard: 20,
        deaths: 0,
      },
    });
    expect(recorded.errors).toBeUndefined();
    const malta = await as<{ case: Record<string, unknown> }>('POLICE', 'MLT', HIT, { id });
    expect(malta.data?.case).toMatchObject({ releasable: true, releasableTo: ['ITA', 'MLT'] });
  });

  it('OWNER keeps even an involved country out; ALL opens it to every member', async () => {
    const version = await versionOf(LAMPEDUSA, 'ITA');
    const owner = await as('POLICE', 'ITA', SET_SHARING, { id: LAMPEDUSA, version, scope: 'OWNER' });
    expect(owner.errors).toBeUndefined();
    expect((await as<{ case: { releasable: boolean } }>('PROSECUTOR', 'DOM', HIT, { id: LAMPEDUSA })).data?.case.releasable).toBe(false);
    const all = await as('POLICE', 'ITA', SET_SHARING, { id: LAMPEDUSA, version: version + 1, scope: 'ALL' });
    expect(all.errors).toBeUndefined();
    const analyst = await as<{ case: Record<string, unknown> }>('ANALYST', 'NZL', HIT, { id: LAMPEDUSA });
    expect(analyst.data?.case).toMatchObject({ releasable: true, sharingScope: 'ALL', releasableTo: null });
    // IOM is one organisation across countries: never scoped by country.
    await as('POLICE', 'ITA', SET_SHARING, { id: LAMPEDUSA, version: version + 2, scope: 'OWNER' });
    expect((await as<{ case: { releasable: boolean; status: string } }>('IOM', 'NZL', HIT, { id: LAMPEDUSA })).data?.case).toMatchObject({
      releasable: true,
      status: expect.any(String),
    });
  });
});

describe('scoping adds no per-row query', () => {
  beforeAll(async () => {
    const dataSources = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
    ) as Record<SubgraphName, DataSource>;
    await seedSynthetic(dataSources, 150);
  });

  const DEEP = `query Deep($first: Int!, $filter: CaseFilter) {
    cases(first: $first, filter: $filter) {
      totalCount
      nodes { id reference ownerCountry releasable status detections { id position { latitude } vessel { type } } suspects { alias network { name } } intelligence { id } }
    }
  }`;

  async function statements(first: number, includeHits: boolean) {
    for (const name of SUBGRAPH_NAMES) tidelink.stack.subgraphs[name].database.statements.reset();
    const body = await as<Listed>('POLICE', 'ITA', DEEP, { first, filter: { includeHits } });
    for (const error of body.errors ?? []) expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_RELEASABLE' });
    return { count: tidelink.stack.subgraphs.police.database.statements.count, nodes: body.data?.cases.nodes ?? [] };
  }

  it.each([false, true])(
    'costs as many police statements for cases(first: 100) as for cases(first: 10) (includeHits %s)',
    async (includeHits) => {
      const ten = await statements(10, includeHits);
      const hundred = await statements(100, includeHits);
      expect(ten.nodes).toHaveLength(10);
      expect(hundred.nodes.length).toBeGreaterThan(50);
      if (includeHits) expect(hundred.nodes.some((node) => !node.releasable)).toBe(true);
      else expect(hundred.nodes.every((node) => node.releasable)).toBe(true);
      expect(hundred.count).toBe(ten.count);
    },
  );
});
