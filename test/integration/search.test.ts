import { DataSource } from 'typeorm';
import { EL_CAPITAN_PERSON_ID, RECURRING_VESSEL_ID } from '../../subgraphs/demo/ids.js';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import type { Agency } from '../../platform/auth.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { errorAt } from '../support/paths.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * `search` through the gateway: diacritics and case, ranking, pages, the owner's sharing rules
 * (ITA-2026-0311 stays with Italy: a Dominican officer finds it by reference as a hit, and never by
 * the words of its summary or sea area), who may search, bad input, the access log, batching.
 */
const MONA = 'ca5e0000-0000-4000-8000-000000000001';
const LAMPEDUSA = 'ca5e0000-0000-4000-8000-000000000004';

const SEARCH = `query Search($text: String!, $first: Int, $after: String) {
  search(text: $text, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor score matched
      node {
        __typename
        ... on Case { id reference ownerCountry releasable summary }
        ... on Suspect { id alias }
        ... on Vessel { id vesselName: name }
        ... on SmugglingNetwork { id name }
        ... on Person { id }
      }
    }
  }
}`;

interface Edge {
  cursor: string;
  score: number;
  matched: string;
  node: { __typename: string; id: string; reference?: string; ownerCountry?: string; releasable?: boolean; summary?: string | null };
}
type Searched = {
  search: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] };
};

let tidelink: TestStack;
let samanaCase: string;
let capitanSuspect: string;

async function as<Data = Searched>(
  agency: Agency,
  country: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<Data>['body']> {
  const { status, body } = await tidelink.query<Data>(query, { token: await tidelink.token(agency, country), variables });
  expect({ status, errors: status === 200 ? undefined : body.errors }).toEqual({ status: 200, errors: undefined });
  return body;
}

const search = (agency: Agency, country: string, text: string, first?: number, after?: string | null) =>
  as(agency, country, SEARCH, { text, first, after });

beforeAll(async () => {
  tidelink = await startTestStack();
  // A Dominican case of our own, with accents in its summary, sea area, vessel and suspect.
  const recorded = await as<{ recordDetection: { id: string; case: { id: string } } }>(
    'POLICE',
    'DOM',
    `mutation Record($input: RecordDetectionInput!) { recordDetection(input: $input) { id case { id } } }`,
    {
      input: {
        openCase: {
          reference: 'DOM-2026-0901',
          leadCountry: 'DOM',
          offences: ['SMUGGLING_OF_MIGRANTS'],
          summary: 'Yola intercepted off Miches; the capitán steered with a handheld compass for the organiser of DOM-2026-0142.',
        },
        detectedAt: '2026-04-02T05:30:00Z',
        seaArea: 'Bahía de Samaná',
        position: { latitude: 19.2, longitude: -69.3 },
        detectingCountry: 'DOM',
        outcome: 'INTERCEPTED',
        personsOnBoard: 24,
        deaths: 0,
        vessel: { name: 'Niña Bonita', type: 'WOODEN_BOAT', registryStatus: 'NOT_REQUESTED', boardingAuthorization: 'OWN_FLAG' },
      },
    },
  );
  expect(recorded.errors).toBeUndefined();
  samanaCase = recorded.data?.recordDetection.case.id as string;
  const added = await as<{ addSuspect: { id: string } }>(
    'POLICE',
    'DOM',
    `mutation Add($input: AddSuspectInput!) { addSuspect(input: $input) { id } }`,
    { input: { caseId: samanaCase, alias: 'El Capitán', role: 'CAPTAIN', nationality: 'DOM' } },
  );
  expect(added.errors).toBeUndefined();
  capitanSuspect = added.data?.addSuspect.id as string;
});
afterAll(async () => {
  await tidelink?.stop();
});

describe('search: diacritics and case', () => {
  it('finds "El Capitán" and the summary that says capitán from "capitan", and from "CAPITÁN"', async () => {
    for (const text of ['capitan', 'CAPITÁN']) {
      const body = await search('POLICE', 'DOM', text);
      expect(body.errors).toBeUndefined();
      const found = body.data?.search.edges.map((edge) => [edge.node.__typename, edge.node.id, edge.matched]);
      expect(found).toEqual(
        expect.arrayContaining([
          ['Suspect', capitanSuspect, 'ALIAS'],
          ['Case', samanaCase, 'SUMMARY'],
        ]),
      );
    }
  });

  it('finds the case by its sea area from "samana", and the vessel from "nina bonita"', async () => {
    const area = await search('POLICE', 'DOM', 'samana');
    expect(area.data?.search.edges.map((edge) => [edge.node.id, edge.matched])).toContainEqual([samanaCase, 'SEA_AREA']);
    const vessel = await search('POLICE', 'DOM', 'nina bonita');
    expect(vessel.data?.search.edges[0]).toMatchObject({
      matched: 'NAME',
      score: 0.95,
      node: { __typename: 'Vessel', vesselName: 'Niña Bonita' },
    });
  });

  it('finds a network by a part of its name, typo included', async () => {
    const body = await search('PROSECUTOR', 'DOM', 'canal de la mona');
    expect(body.data?.search.edges[0]).toMatchObject({
      matched: 'NAME',
      node: { __typename: 'SmugglingNetwork', name: 'Red del Canal de la Mona' },
    });
    const typo = await search('POLICE', 'DOM', 'zuwarra');
    expect(typo.data?.search.edges.map((edge) => edge.node.__typename)).toContain('SmugglingNetwork');
  });
});

describe('search: persons of interest and vessel identifiers', () => {
  it.each(['CUW', 'TCA'])('"capitan" finds the person El Capitán for a police officer of %s', async (country) => {
    const body = await search('POLICE', country, 'capitan');
    expect(body.errors).toBeUndefined();
    expect(body.data?.search.edges.map((edge) => [edge.node.__typename, edge.node.id, edge.matched])).toContainEqual([
      'Person',
      EL_CAPITAN_PERSON_ID,
      'ALIAS',
    ]);
  });

  it.each([
    ['its phone number as written in Curaçao', 'POLICE', 'CUW', '+1 809 555 0142', 'PHONE'],
    ['its phone number in the national format, from Turks and Caicos', 'POLICE', 'TCA', '(809) 555-0142', 'PHONE'],
    ['its passport number, any case and spacing', 'PROSECUTOR', 'CUW', 'SC 447 1902', 'DOCUMENT'],
  ])('finds the person by %s, exactly (score 1)', async (_what, agency, country, text, matched) => {
    const body = await search(agency as Agency, country, text);
    expect(body.data?.search.edges[0]).toMatchObject({
      score: 1,
      matched,
      node: { __typename: 'Person', id: EL_CAPITAN_PERSON_ID },
    });
  });

  it.each([
    ['MMSI', '327004512'],
    ['REGISTRATION', 'hig 0457'],
  ])('finds the demo yola by its %s, exactly (score 1)', async (matched, text) => {
    const body = await search('POLICE', 'DOM', text);
    expect(body.data?.search.edges[0]).toMatchObject({ score: 1, matched, node: { __typename: 'Vessel', id: RECURRING_VESSEL_ID } });
    // A near miss of an identifier is no match.
    const near = await search('POLICE', 'DOM', text.replace(/2$/, '3').replace(/7$/, '8'));
    expect(near.data?.search.edges.map((edge) => edge.node.id)).not.toContain(RECURRING_VESSEL_ID);
  });

  it('does not reveal a person none of whose cases the reader may see, by alias, phone or document', async () => {
    const added = await as<{ addSuspect: { id: string; person: { id: string } } }>(
      'POLICE',
      'ITA',
      `mutation Add($input: AddSuspectInput!) { addSuspect(input: $input) { id person { id } } }`,
      {
        input: {
          caseId: LAMPEDUSA,
          alias: 'Il Timoniere Nascosto',
          role: 'FACILITATOR',
          nationality: 'ITA',
          phones: ['+39 347 123 4567'],
          documents: [{ kind: 'PASSPORT', number: 'YA9988776', issuingCountry: 'ITA' }],
        },
      },
    );
    expect(added.errors).toBeUndefined();
    const person = added.data?.addSuspect.person.id;
    for (const text of ['timoniere nascosto', '+39 347 123 4567', 'YA9988776']) {
      const hidden = await search('POLICE', 'DOM', text);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data?.search.edges.map((edge) => edge.node.__typename)).not.toContain('Person');
      const owner = await search('POLICE', 'ITA', text);
      expect(owner.data?.search.edges.map((edge) => edge.node.id)).toContain(person);
    }
  });
});

describe('search: ranking and pages', () => {
  it('puts the exact reference first (score 1), then the rest by score', async () => {
    const body = await search('POLICE', 'DOM', 'dom-2026-0142');
    const edges = body.data?.search.edges ?? [];
    expect(edges[0]).toMatchObject({ score: 1, matched: 'REFERENCE', node: { id: MONA, reference: 'DOM-2026-0142', releasable: true } });
    // The case whose summary names it follows, lower; a sibling reference (DOM-2026-0901) is no near miss.
    expect(edges.slice(1).map((edge) => [edge.node.id, edge.matched])).toEqual([[samanaCase, 'SUMMARY']]);
    expect(edges[1].score).toBeLessThan(0.7);
  });

  it('ranks an exact name above a part of one, and both above a summary', async () => {
    const edges = (await search('POLICE', 'DOM', 'mona passage')).data?.search.edges ?? [];
    expect(edges.map((edge) => [edge.node.id, edge.matched])[0]).toEqual([MONA, 'SEA_AREA']);
    for (let i = 1; i < edges.length; i += 1) expect(edges[i].score).toBeLessThanOrEqual(edges[i - 1].score);
    const ties = edges.filter((edge, i) => i > 0 && edge.score === edges[i - 1].score);
    for (const tie of ties) expect(tie.node.id > edges[edges.indexOf(tie) - 1].node.id).toBe(true);
  });

  it('pages with after through exactly the ranking of one big page, and totalCount counts them all', async () => {
    const whole = (await search('POLICE', 'DOM', '2026', 100)).data?.search;
    expect(whole?.totalCount).toBe(whole?.edges.length);
    expect(whole?.edges.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const connection: Searched['search'] | undefined = (await search('POLICE', 'DOM', '2026', 2, after)).data?.search;
      expect(connection?.totalCount).toBe(whole?.totalCount);
      seen.push(...(connection?.edges ?? []).map((edge) => edge.node.id));
      if (!connection?.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole?.edges.map((edge) => edge.node.id));
  });
});

describe("search: the owner's sharing rules", () => {
  it("returns a case outside the reader's scope as a hit only, found by its reference", async () => {
    const body = await search('POLICE', 'DOM', 'ITA-2026-0311');
    const edge = body.data?.search.edges[0];
    expect(edge).toMatchObject({
      matched: 'REFERENCE',
      score: 1,
      node: { __typename: 'Case', id: LAMPEDUSA, reference: 'ITA-2026-0311', ownerCountry: 'ITA', releasable: false, summary: null },
    });
    expect(errorAt(body, ['search', 'edges', 0, 'node', 'summary'])?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_RELEASABLE',
    });
  });

  it('never finds it by the words of its summary or sea area, nor its suspect, and counts nothing for them', async () => {
    for (const text of ['Lampedusa', 'inflatable dinghy in distress', 'Abu Salem']) {
      const body = await search('POLICE', 'DOM', text);
      expect(body.errors).toBeUndefined();
      expect(body.data?.search).toMatchObject({ totalCount: 0, edges: [] });
    }
    // The words are there: the owner finds them.
    const owner = await search('POLICE', 'ITA', 'Lampedusa');
    expect(owner.data?.search.edges.map((edge) => [edge.node.id, edge.node.releasable])).toContainEqual([LAMPEDUSA, true]);
    const suspect = await search('POLICE', 'ITA', 'Abu Salem');
    expect(suspect.data?.search.edges[0]).toMatchObject({
      score: 0.95,
      matched: 'ALIAS',
      node: { __typename: 'Suspect', alias: 'Abu Salem' },
    });
  });

  it('searches for IOM and analysts over cases only (no suspects, vessels or networks)', async () => {
    for (const agency of ['IOM', 'ANALYST'] as const) {
      const body = await search(agency, 'DOM', 'capitan');
      expect(body.errors).toBeUndefined();
      const kinds = new Set(body.data?.search.edges.map((edge) => edge.node.__typename));
      expect([...kinds]).toEqual(['Case']);
      const network = await search(agency, 'DOM', 'Red del Canal de la Mona');
      expect(network.data?.search.edges.map((edge) => edge.node.__typename)).not.toContain('SmugglingNetwork');
    }
  });

  it.each(['PARTNER', 'AUDITOR'] as const)('refuses %s: FORBIDDEN ROLE', async (agency) => {
    const body = await search(agency, 'DOM', 'capitan');
    expect(body.data).toBeNull();
    expect(errorAt(body, ['search'])?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });
});

describe('search: bad input', () => {
  it.each([
    ['an empty text', { text: '' }, 'text'],
    ['a blank text', { text: '   ' }, 'text'],
    ['a text over 200 characters', { text: 'x'.repeat(201) }, 'text'],
    ['first: 0', { text: 'mona', first: 0 }, 'first'],
    ['first: 101', { text: 'mona', first: 101 }, 'first'],
    ['a cursor it did not issue', { text: 'mona', after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, variables, field) => {
    const body = await as('POLICE', 'DOM', SEARCH, variables);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] });
  });

  it('takes exactly 200 characters', async () => {
    const body = await search('POLICE', 'DOM', 'á'.repeat(200));
    expect(body.errors).toBeUndefined();
  });
});

describe('search: the access log', () => {
  const rows = (where: string, parameters: unknown[]) =>
    tidelink.stack.subgraphs.police.database.dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM access_log WHERE ${where}`,
      parameters,
    );

  it('logs every search, allowed or refused, and every record a search showed', async () => {
    const searches = async (agency: string, decision: string) =>
      (await rows("entity_type = 'Search' AND agency = $1 AND decision = $2 AND fields = '{search}'", [agency, decision]))[0].count;
    const before = { police: await searches('POLICE', 'ALLOWED'), partner: await searches('PARTNER', 'DENIED') };
    await search('POLICE', 'DOM', 'El Capitán');
    await search('PARTNER', 'DOM', 'El Capitán');
    await waitFor(async () => (await searches('POLICE', 'ALLOWED')) === before.police + 1, { what: 'the police search logged' });
    await waitFor(async () => (await searches('PARTNER', 'DENIED')) === before.partner + 1, { what: 'the refused search logged' });
    const shown = await rows("entity_type = 'Suspect' AND entity_id = $1 AND 'search' = ANY(fields)", [capitanSuspect]);
    expect(shown[0].count).toBeGreaterThan(0);
  });
});

describe('search: batching', () => {
  beforeAll(async () => {
    const dataSources = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
    ) as Record<SubgraphName, DataSource>;
    await seedSynthetic(dataSources, 150);
  });

  const statements = async (text: string, first: number) => {
    const police = tidelink.stack.subgraphs.police.database;
    police.statements.reset();
    const body = await search('PROSECUTOR', 'DOM', text, first);
    expect(body.data?.search.edges).toHaveLength(first);
    return police.statements.count;
  };

  it.each(['SYN', 'Captain', 'Synthetic case'])('issues as many statements for first: 100 as for first: 10 (%s)', async (text) => {
    const ten = await statements(text, 10);
    const hundred = await statements(text, 100);
    process.stdout.write(`SQL statements for search("${text}"): first: 10 → ${ten}; first: 100 → ${hundred}\n`);
    expect(hundred).toBe(ten);
    // One search statement, then one batched load per kind of node (and the cases they follow).
    expect(ten).toBeLessThanOrEqual(5);
  });
});
