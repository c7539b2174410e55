import type { Agency } from '../../platform/auth.js';
import { EL_CAPITAN_PERSON_ID, RECURRING_VESSEL_ID, demoId, kind } from '../../subgraphs/demo/ids.js';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';
import { waitFor } from '../support/wait-for.js';

/**
 * `networkGraph` through the gateway, on the demo stories: from the Curaçao case (shared with every
 * member country) the walk reaches the recurring yola and El Capitán, and through them the Mona
 * Passage case (DOM and the USA) and the Turks and Caicos case (named to DOM, HTI, USA). A Curaçao
 * officer gets those two as hits and nothing behind them; a Dominican officer walks on through them.
 */
const CURACAO = demoId(kind.case, 3);
const MONA = demoId(kind.case, 1);
const TURKS_AND_CAICOS = demoId(kind.case, 2);
const LAMPEDUSA = demoId(kind.case, 4);
const MONA_NETWORK = demoId(kind.network, 1);

const GRAPH = `query Graph($around: GraphAnchor!, $depth: Int) {
  networkGraph(around: $around, depth: $depth) {
    withheld truncated
    nodes { id kind label releasable ownerCountry }
    edges { from to kind }
  }
}`;

interface GraphNode {
  id: string;
  kind: string;
  label: string;
  releasable: boolean;
  ownerCountry: string | null;
}
interface Graphed {
  networkGraph: { withheld: number; truncated: boolean; nodes: GraphNode[]; edges: Array<{ from: string; to: string; kind: string }> };
}

let tidelink: TestStack;

async function graph(
  agency: Agency,
  country: string,
  around: Record<string, unknown>,
  depth?: number,
): Promise<GraphQLResponse<Graphed>['body']> {
  const { status, body } = await tidelink.query<Graphed>(GRAPH, {
    token: await tidelink.token(agency, country),
    variables: { around, depth },
  });
  expect(status).toBe(200);
  return body;
}

const byId = (body: GraphQLResponse<Graphed>['body']) => new Map((body.data?.networkGraph.nodes ?? []).map((node) => [node.id, node]));

beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

describe('networkGraph around the Curaçao case', () => {
  it('reaches the recurring yola and El Capitán, and the cases behind them as hits for a Curaçao officer', async () => {
    const body = await graph('POLICE', 'CUW', { caseId: CURACAO });
    expect(body.errors).toBeUndefined();
    const nodes = byId(body);
    expect(body.data?.networkGraph.nodes[0]).toMatchObject({ id: CURACAO, kind: 'CASE', label: 'CUW-2026-0007', releasable: true });
    expect(nodes.get(RECURRING_VESSEL_ID)).toMatchObject({ kind: 'VESSEL', releasable: true });
    expect(nodes.get(EL_CAPITAN_PERSON_ID)).toMatchObject({ kind: 'PERSON', label: 'El Capitán', releasable: true });
    expect(body.data?.networkGraph.edges).toEqual(
      expect.arrayContaining([
        { from: RECURRING_VESSEL_ID, to: CURACAO, kind: 'DETECTED_IN' },
        { from: EL_CAPITAN_PERSON_ID, to: CURACAO, kind: 'SUSPECT_IN' },
        { from: RECURRING_VESSEL_ID, to: MONA, kind: 'DETECTED_IN' },
        { from: EL_CAPITAN_PERSON_ID, to: TURKS_AND_CAICOS, kind: 'SUSPECT_IN' },
      ]),
    );
    // The Dominican and Turks and Caicos cases are not released to Curaçao: hits, reference and owner only.
    expect(nodes.get(MONA)).toEqual({ id: MONA, kind: 'CASE', label: 'DOM-2026-0142', releasable: false, ownerCountry: 'DOM' });
    expect(nodes.get(TURKS_AND_CAICOS)).toMatchObject({ kind: 'CASE', label: 'TCA-2026-0031', releasable: false });
    expect(body.data?.networkGraph.withheld).toBe([...nodes.values()].filter((node) => !node.releasable).length);
    expect(body.data?.networkGraph.withheld).toBeGreaterThanOrEqual(2);
  });

  it('walks nothing behind a hit: at depth 3 a Curaçao officer reaches no person, vessel or network of the hidden cases', async () => {
    const curacao = byId(await graph('POLICE', 'CUW', { caseId: CURACAO }, 3));
    const dominican = byId(await graph('POLICE', 'DOM', { caseId: CURACAO }, 3));
    // A Dominican officer reads the Mona Passage case and walks on to its network and suspects.
    expect(dominican.get(MONA)).toMatchObject({ releasable: true });
    expect(dominican.get(TURKS_AND_CAICOS)).toMatchObject({ releasable: true });
    expect(dominican.get(MONA_NETWORK)).toMatchObject({ kind: 'NETWORK' });
    const behindHits = [...dominican.keys()].filter((id) => !curacao.has(id));
    expect(behindHits.length).toBeGreaterThan(0);
    expect(curacao.has(MONA_NETWORK)).toBe(false);
    for (const node of curacao.values()) {
      if (node.kind === 'CASE') continue;
      // Every non-case node a Curaçao officer sees hangs on the Curaçao case itself.
      expect([RECURRING_VESSEL_ID, EL_CAPITAN_PERSON_ID]).toContain(node.id);
    }
  });

  it('bounds the depth: depth 1 stops at the yola and El Capitán', async () => {
    const body = await graph('POLICE', 'DOM', { caseId: CURACAO }, 1);
    expect(body.errors).toBeUndefined();
    const nodes = byId(body);
    expect(nodes.has(RECURRING_VESSEL_ID)).toBe(true);
    expect(nodes.has(EL_CAPITAN_PERSON_ID)).toBe(true);
    expect(nodes.has(MONA)).toBe(false);
    expect(nodes.has(TURKS_AND_CAICOS)).toBe(false);
    const deeper = byId(await graph('POLICE', 'DOM', { caseId: CURACAO }, 2));
    expect(deeper.has(MONA)).toBe(true);
    expect(deeper.size).toBeGreaterThan(nodes.size);
  });

  it('gives an analyst what its policy allows: the case, no person or vessel', async () => {
    const body = await graph('ANALYST', 'CUW', { caseId: CURACAO });
    expect(body.errors).toBeUndefined();
    expect(body.data?.networkGraph.nodes.map((node) => node.id)).toEqual([CURACAO]);
  });

  it('gives an analyst the case alone at any depth (no suspect, vessel or network behind it), a hidden case as its hit', async () => {
    for (const [country, id] of [
      ['DOM', MONA],
      ['DOM', TURKS_AND_CAICOS],
      ['CUW', CURACAO],
    ] as const) {
      const body = await graph('ANALYST', country, { caseId: id }, 3);
      expect(body.errors).toBeUndefined();
      expect(body.data?.networkGraph).toMatchObject({ nodes: [{ id, kind: 'CASE', releasable: true }], edges: [], withheld: 0 });
    }
    const hidden = await graph('ANALYST', 'DOM', { caseId: LAMPEDUSA }, 3);
    expect(hidden.data?.networkGraph.nodes).toEqual([
      { id: LAMPEDUSA, kind: 'CASE', label: 'ITA-2026-0311', releasable: false, ownerCountry: 'ITA' },
    ]);
  });

  it.each([
    ['a person', { personId: EL_CAPITAN_PERSON_ID }],
    ['a network', { networkId: MONA_NETWORK }],
  ])('refuses an analyst a picture around %s (analysts see cases only) with FORBIDDEN ROLE', async (_what, around) => {
    const body = await graph('ANALYST', 'DOM', around, 1);
    expect(body.data?.networkGraph ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });

  it('starts from a person and from a network', async () => {
    const person = byId(await graph('POLICE', 'DOM', { personId: EL_CAPITAN_PERSON_ID }, 1));
    expect(person.get(CURACAO)).toMatchObject({ releasable: true });
    expect(person.get(TURKS_AND_CAICOS)).toMatchObject({ releasable: true });
    const network = await graph('POLICE', 'DOM', { networkId: MONA_NETWORK }, 1);
    expect(network.errors).toBeUndefined();
    expect(network.data?.networkGraph.nodes[0]).toMatchObject({ id: MONA_NETWORK, kind: 'NETWORK' });
    // Its members, and the case attributed to it (released to DOM: whole).
    expect(network.data?.networkGraph.edges.filter((edge) => edge.kind === 'MEMBER_OF').length).toBeGreaterThan(0);
    expect(network.data?.networkGraph.edges.every((edge) => ['MEMBER_OF', 'ATTRIBUTED_TO'].includes(edge.kind))).toBe(true);
    expect(network.data?.networkGraph.edges).toContainEqual({ from: MONA, to: MONA_NETWORK, kind: 'ATTRIBUTED_TO' });
    expect(byId(network).get(MONA)).toMatchObject({ kind: 'CASE', releasable: true });
  });

  it('reaches from a network the cases attributed to it, a case the reader may not see as a hit with nothing behind it', async () => {
    // The Mona Passage case (DOM, released to DOM and the USA) is attributed to the network: a Curaçao officer gets it as a hit.
    const body = await graph('POLICE', 'CUW', { networkId: MONA_NETWORK }, 3);
    expect(body.errors).toBeUndefined();
    const nodes = byId(body);
    expect(nodes.get(MONA)).toEqual({ id: MONA, kind: 'CASE', label: 'DOM-2026-0142', releasable: false, ownerCountry: 'DOM' });
    expect(body.data?.networkGraph.edges).toContainEqual({ from: MONA, to: MONA_NETWORK, kind: 'ATTRIBUTED_TO' });
    // Nothing of the hidden case: none of its suspects' persons, no vessel, no edge leaving it but the attribution.
    expect([...nodes.values()].filter((node) => node.kind !== 'CASE' && node.id !== MONA_NETWORK)).toEqual([]);
    expect(body.data?.networkGraph.edges.filter((edge) => edge.from === MONA || edge.to === MONA)).toEqual([
      { from: MONA, to: MONA_NETWORK, kind: 'ATTRIBUTED_TO' },
    ]);
    expect(body.data?.networkGraph.withheld).toBe(1);
    // The Lampedusa case (ITA) is attributed to the central Mediterranean network: a Dominican officer gets a hit.
    const central = byId(await graph('POLICE', 'DOM', { networkId: demoId(kind.network, 2) }, 2));
    expect(central.get(LAMPEDUSA)).toEqual({ id: LAMPEDUSA, kind: 'CASE', label: 'ITA-2026-0311', releasable: false, ownerCountry: 'ITA' });
  });

  it('answers a hidden anchor with its hit alone', async () => {
    const body = await graph('POLICE', 'DOM', { caseId: LAMPEDUSA });
    expect(body.errors).toBeUndefined();
    expect(body.data?.networkGraph).toEqual({
      withheld: 1,
      truncated: false,
      nodes: [{ id: LAMPEDUSA, kind: 'CASE', label: 'ITA-2026-0311', releasable: false, ownerCountry: 'ITA' }],
      edges: [],
    });
  });
});

describe('SmugglingNetwork: its cases and persons', () => {
  const NETWORKS = `{ smugglingNetworks { id cases { id reference ownerCountry releasable } persons { id aliases } suspects { alias } } }`;
  interface Networks {
    smugglingNetworks: Array<{
      id: string;
      cases: Array<{ id: string; reference: string; ownerCountry: string; releasable: boolean }>;
      persons: Array<{ id: string; aliases: string[] }>;
      suspects: Array<{ alias: string }>;
    }>;
  }
  const network = (body: { data?: Networks | null }, id: string) => body.data?.smugglingNetworks.find((row) => row.id === id);

  it("lists a network's cases, a case the reader may not see as a hit, and the persons of the suspects it may see", async () => {
    const dominican = await tidelink.queryAs<Networks>('POLICE', 'DOM', NETWORKS);
    expect(dominican.errors).toBeUndefined();
    expect(network(dominican, MONA_NETWORK)?.cases).toEqual([
      { id: MONA, reference: 'DOM-2026-0142', ownerCountry: 'DOM', releasable: true },
    ]);
    expect(
      network(dominican, MONA_NETWORK)
        ?.persons.map((person) => person.id)
        .sort(),
    ).toEqual([1, 2, 3].map((n) => demoId(kind.person, n)).sort());
    // The central Mediterranean network's case stays with Italy: a hit, and none of its suspects or persons.
    const central = network(dominican, demoId(kind.network, 2));
    expect(central?.cases).toEqual([{ id: LAMPEDUSA, reference: 'ITA-2026-0311', ownerCountry: 'ITA', releasable: false }]);
    expect(central?.persons).toEqual([]);
    expect(central?.suspects).toEqual([]);

    const curacao = await tidelink.queryAs<Networks>('POLICE', 'CUW', NETWORKS);
    expect(network(curacao, MONA_NETWORK)).toMatchObject({
      cases: [{ id: MONA, reference: 'DOM-2026-0142', ownerCountry: 'DOM', releasable: false }],
      persons: [],
      suspects: [],
    });
  });
});

describe('SmugglingNetwork: its vessels and routes', () => {
  const NETWORKS = `{ smugglingNetworks {
    id
    vessels { id type hullDescription }
    routes { case { id reference } from { seaArea position { latitude longitude } detectedAt } to { seaArea } seaAreas detections }
  } }`;
  interface Route {
    case: { id: string; reference: string };
    from: { seaArea: string; position: { latitude: number; longitude: number }; detectedAt: string };
    to: { seaArea: string };
    seaAreas: string[];
    detections: number;
  }
  interface Networks {
    smugglingNetworks: Array<{ id: string; vessels: Array<{ id: string; type: string; hullDescription: string | null }>; routes: Route[] }>;
  }
  const network = (body: { data?: Networks | null }, id: string) => body.data?.smugglingNetworks.find((row) => row.id === id);

  it("gives a Dominican officer the Mona Passage network's yola and route, from the case it may see", async () => {
    const dominican = await tidelink.queryAs<Networks>('POLICE', 'DOM', NETWORKS);
    expect(dominican.errors).toBeUndefined();
    const mona = network(dominican, MONA_NETWORK);
    expect(mona?.vessels).toEqual([{ id: RECURRING_VESSEL_ID, type: 'WOODEN_BOAT', hullDescription: expect.stringContaining('yola') }]);
    expect(mona?.routes).toEqual([
      {
        case: { id: MONA, reference: 'DOM-2026-0142' },
        from: { seaArea: 'Mona Passage', position: { latitude: 18.3312, longitude: -67.8471 }, detectedAt: '2026-03-14T04:20:00.000Z' },
        to: { seaArea: 'Mona Passage' },
        seaAreas: ['Mona Passage'],
        detections: 1,
      },
    ]);
    // Italy's Lampedusa case is a hit to DOM: its dinghy and route stay with Italy.
    expect(network(dominican, demoId(kind.network, 2))).toMatchObject({ vessels: [], routes: [] });
  });

  it("gives a Curaçao officer neither the yola nor the route through DOM's hidden case, though it sees the yola in its own case", async () => {
    const curacao = await tidelink.queryAs<Networks>('POLICE', 'CUW', NETWORKS);
    expect(curacao.errors).toBeUndefined();
    expect(network(curacao, MONA_NETWORK)).toMatchObject({ vessels: [], routes: [] });
    const own = await tidelink.queryAs<{ vessel: { id: string } | null }>(
      'POLICE',
      'CUW',
      `{ vessel(id: "${RECURRING_VESSEL_ID}") { id } }`,
    );
    expect(own.data?.vessel?.id).toBe(RECURRING_VESSEL_ID);
  });

  it('costs the same police statements, each once, for two networks as for five', async () => {
    const { database } = tidelink.stack.subgraphs.police;
    const statements = async () => {
      database.statements.recorded = [];
      database.statements.reset();
      const body = await tidelink.queryAs<Networks>('POLICE', 'DOM', NETWORKS);
      expect(body.errors).toBeUndefined();
      const names = (database.statements.recorded ?? []).map((row) => /\/\*\s*([\w.:-]+)/.exec(row.query)?.[1] ?? 'unnamed');
      database.statements.recorded = null;
      return { names, networks: body.data?.smugglingNetworks ?? [] };
    };
    const two = await statements();
    // Three more networks, each with one of the other demo cases (and so its detection and vessel) attributed to it.
    const extra = [TURKS_AND_CAICOS, CURACAO, demoId(kind.case, 5)];
    const networkIds = extra.map((_, index) => demoId(kind.network, 90 + index));
    const { dataSource } = database;
    try {
      for (const [index, caseId] of extra.entries()) {
        await dataSource.query(
          `/* test.network */ INSERT INTO smuggling_networks (id, name, modus_operandi, active_countries) VALUES ($1, $2, 'Test network.', '{DOM}')`,
          [networkIds[index], `Test network ${index}`],
        );
        await dataSource.query(`/* test.attribute */ UPDATE cases SET network_id = $1 WHERE id = $2`, [networkIds[index], caseId]);
      }
      const five = await statements();
      expect(five.networks).toHaveLength(two.networks.length + 3);
      // The new networks reach vessels and routes the reader may see (the Curaçao and Turks and Caicos cases are released to DOM).
      const reached = five.networks.filter((row) => networkIds.includes(row.id));
      expect(reached.filter((row) => row.vessels.length > 0).length).toBeGreaterThanOrEqual(2);
      expect(reached.filter((row) => row.routes.length > 0).length).toBeGreaterThanOrEqual(2);
      process.stdout.write(
        `smugglingNetworks vessels+routes — 2 networks: ${two.names.length} statements; 5: ${five.names.length} (${five.names.join(', ')})\n`,
      );
      expect(five.names.length).toBe(two.names.length);
      expect(new Set(five.names).size).toBe(five.names.length);
      expect(five.names).toEqual(expect.arrayContaining(['detection.byCaseIds', 'vessel.byIds']));
    } finally {
      await dataSource.query(`/* test.detach */ UPDATE cases SET network_id = NULL WHERE id = ANY($1::uuid[])`, [extra]);
      await dataSource.query(`/* test.drop */ DELETE FROM smuggling_networks WHERE id = ANY($1::uuid[])`, [networkIds]);
    }
  });
});

describe('networkGraph: bad input and who may ask', () => {
  it.each([
    ['no anchor', {}, undefined, ['around.caseId', 'around.personId', 'around.networkId']],
    ['two anchors', { caseId: CURACAO, personId: EL_CAPITAN_PERSON_ID }, undefined, ['around.caseId', 'around.personId']],
    ['an id that is no UUID', { caseId: 'CUW-2026-0007' }, undefined, ['around.caseId']],
    ['depth 0', { caseId: CURACAO }, 0, ['depth']],
    ['depth 4', { caseId: CURACAO }, 4, ['depth']],
  ])('refuses %s with BAD_USER_INPUT naming the fields', async (_name, around, depth, fields) => {
    const body = await graph('POLICE', 'DOM', around, depth);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const named = (body.errors?.[0].extensions?.fields as Array<{ field: string }>).map((problem) => problem.field);
    expect(named).toEqual(fields);
  });

  it('answers NOT_FOUND for a case no one recorded', async () => {
    const body = await graph('POLICE', 'DOM', { caseId: demoId(kind.case, 999) });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it.each(['IOM', 'PARTNER', 'AUDITOR'] as const)('refuses %s with FORBIDDEN ROLE', async (agency) => {
    const body = await graph(agency, 'DOM', { caseId: CURACAO });
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });

  it('logs the picture against its anchor and every node it shows', async () => {
    const rows = (where: string, parameters: unknown[]) =>
      tidelink.stack.subgraphs.police.database.dataSource.query<Array<{ count: number }>>(
        `SELECT count(*)::int AS count FROM access_log WHERE ${where}`,
        parameters,
      );
    const logged = async () =>
      (await rows("entity_type = 'Case' AND entity_id = $1 AND 'networkGraph' = ANY(fields) AND decision = 'ALLOWED'", [CURACAO]))[0].count;
    const before = await logged();
    await graph('POLICE', 'CUW', { caseId: CURACAO });
    await waitFor(async () => (await logged()) >= before + 1, { what: 'the picture logged' });
    const shown = await rows("entity_type = 'Vessel' AND entity_id = $1 AND 'networkGraph' = ANY(fields)", [RECURRING_VESSEL_ID]);
    expect(shown[0].count).toBeGreaterThan(0);
  });
});

describe('networkGraph: batched', () => {
  it('costs a bounded number of batched police statements per level, however many nodes a level holds', async () => {
    const { database } = tidelink.stack.subgraphs.police;
    const statementsFor = async (country: string) => {
      database.statements.reset();
      const body = await graph('POLICE', country, { caseId: CURACAO }, 3);
      expect(body.errors).toBeUndefined();
      return { statements: database.statements.count, nodes: body.data?.networkGraph.nodes.length ?? 0 };
    };
    const curacao = await statementsFor('CUW');
    const dominican = await statementsFor('DOM');
    process.stdout.write(`networkGraph depth 3 — CUW: ${JSON.stringify(curacao)}; DOM: ${JSON.stringify(dominican)}\n`);
    expect(dominican.nodes).toBeGreaterThan(curacao.nodes);
    // Three levels, each at most one statement per loader the walk uses (cases, persons, suspects by case/person/network, detections by case/vessel, vessels, networks, cases by network).
    expect(dominican.statements).toBeLessThanOrEqual(3 * 9 + 2);
  });
});
