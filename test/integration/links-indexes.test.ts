import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, subgraphDatabaseUrl, type SubgraphName } from '../../subgraphs/shared/database.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * `Case.links` at 10,000 cases: EXPLAIN of the one statement a page of cases' links sends reaches
 * the other cases of every kind through an index (vessel, person, phone, document, network, and
 * the GiST box of the route), and scans none of the joined tables whole. The other reads of the
 * analysis file (networkGraph around a case, a person and a network; Person.cases; Vessel.cases;
 * SmugglingNetwork.suspects) are EXPLAINed statement by statement the same way.
 */
const CASES = 10_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const LINKS = `query Links { cases(first: 20) { nodes { links { since shared { kind } } } } }`;
const NETWORK = 'e7a00000-0000-4000-8000-00000000a5e5';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack({ SEED_DEMO: 'false' });
  const dataSources = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
  ) as Record<SubgraphName, DataSource>;
  await seedSynthetic(dataSources, CASES);
  // Fresh statistics, as the owner (the application's role owns no table, so its ANALYZE would skip them).
  const owner = new Client({ connectionString: subgraphDatabaseUrl('police', { shared: tidelink.config.DATABASE_URL }) });
  await owner.connect();
  try {
    // The synthetic seed records no persons of interest: give two suspects in three a person (two
    // suspects each), each person a phone number (one number per ten persons) and a passport.
    await owner.query(`
      CREATE TEMP TABLE numbered AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM suspects;
      INSERT INTO persons (id, owner_country, aliases)
        SELECT md5('person ' || k)::uuid, 'DOM', ARRAY['Synthetic ' || k] FROM generate_series(1, (SELECT count(*) FROM numbered) / 2 + 1) AS k;
      UPDATE suspects s SET person_id = md5('person ' || ((numbered.n + 1) / 2))::uuid FROM numbered WHERE numbered.id = s.id AND numbered.n % 3 <> 0;
      INSERT INTO person_phones (person_id, e164)
        SELECT id, '+1809' || lpad((row_number() OVER (ORDER BY id) / 10)::text, 7, '0') FROM persons;
      INSERT INTO person_documents (person_id, kind, number, issuing_country)
        SELECT id, 'PASSPORT', 'SYN' || row_number() OVER (ORDER BY id), 'DOM' FROM persons;
      -- The synthetic seed names no network: one, with a case in 500 attributed to it and a suspect in 500 its member.
      INSERT INTO smuggling_networks (id, name, modus_operandi, active_countries)
        VALUES ('${NETWORK}', 'Synthetic network', 'Yolas from the east coast', ARRAY['DOM']::char(3)[]);
      UPDATE cases SET network_id = '${NETWORK}' WHERE id IN (SELECT id FROM cases ORDER BY id LIMIT (SELECT count(*) / 500 FROM cases));
      UPDATE suspects SET network_id = '${NETWORK}' WHERE id IN (SELECT id FROM suspects ORDER BY id DESC LIMIT (SELECT count(*) / 500 FROM suspects));
    `);
    await owner.query('ANALYZE');
  } finally {
    await owner.end();
  }
}, 600_000);
afterAll(async () => {
  await tidelink?.stop();
});

function walk(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(walk)];
}

describe(`case link indexes at ${CASES.toLocaleString('en')} cases`, () => {
  it('reaches every kind of link through an index, with no whole scan of a joined table', async () => {
    const police = tidelink.stack.subgraphs.police.database;
    police.statements.recorded = [];
    let nodes: PlanNode[];
    try {
      const { body } = await tidelink.query(LINKS, { token: await tidelink.token('POLICE', 'DOM') });
      expect(body.errors).toBeUndefined();
      const statement = police.statements.recorded.find((recorded) => recorded.query.includes('/* link.byCaseIds */'));
      if (!statement) throw new Error('no link.byCaseIds statement was sent');
      const [{ 'QUERY PLAN': plan }] = await police.dataSource.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
        `EXPLAIN (FORMAT JSON) ${statement.query}`,
        statement.parameters,
      );
      nodes = walk(plan[0].Plan);
    } finally {
      police.statements.recorded = null;
    }
    const indexes = new Set(nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])));
    process.stdout.write(`links plan indexes: ${[...indexes].sort().join(', ')}\n`);
    // Each kind through one of the indexes that answer it (the planner picks among equivalents).
    const byKind: Record<string, string[]> = {
      vessel: ['detections_vessel_case', 'detections_vessel_id'],
      person: ['suspects_person'],
      phone: ['person_phones_pkey', 'person_phones_e164'],
      document: ['person_documents_person', 'person_documents_issuing_country_kind_number_key'],
      network: ['cases_network_id', 'suspects_network_id'],
      route: ['detections_position'],
    };
    for (const [what, candidates] of Object.entries(byKind)) {
      expect({ what, found: candidates.some((index) => indexes.has(index)) }).toEqual({ what, found: true });
    }
    const wholeScans = nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']);
    expect(wholeScans).toEqual([]);
  });
});

/** The plans of every police statement a query as a Dominican officer sends (reads only), by the statement's name. */
async function plansOf(query: string, variables?: Record<string, unknown>): Promise<Array<{ name: string; nodes: PlanNode[] }>> {
  const police = tidelink.stack.subgraphs.police.database;
  police.statements.recorded = [];
  let recorded: Array<{ query: string; parameters: unknown[] }>;
  try {
    const { body } = await tidelink.query(query, { token: await tidelink.token('POLICE', 'DOM'), variables });
    expect(body.errors).toBeUndefined();
    recorded = police.statements.recorded;
  } finally {
    police.statements.recorded = null;
  }
  const reads = recorded.filter((statement) => /^\s*(\/\*[^*]*\*\/\s*)?(SELECT|WITH)/i.test(statement.query));
  const plans = [];
  for (const statement of reads) {
    const [{ 'QUERY PLAN': plan }] = await police.dataSource.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
      `EXPLAIN (FORMAT JSON) ${statement.query}`,
      statement.parameters,
    );
    plans.push({ name: /\/\* ([\w.]+) \*\//.exec(statement.query)?.[1] ?? statement.query.slice(0, 60), nodes: walk(plan[0].Plan) });
  }
  return plans;
}

/** A synthetic row to start from: a case released to DOM with a suspect that is a recurring person and a vessel detected in it. */
async function anchors(): Promise<{ caseId: string; personId: string; vesselId: string }> {
  const [row] = await tidelink.stack.subgraphs.police.database.dataSource.query<
    Array<{ caseId: string; personId: string; vesselId: string }>
  >(
    `SELECT s.case_id AS "caseId", s.person_id AS "personId", d.vessel_id AS "vesselId"
       FROM suspects s JOIN detections d ON d.case_id = s.case_id JOIN cases c ON c.id = s.case_id
      WHERE (c.sharing_scope = 'ALL' OR c.releasable_to @> ARRAY['DOM']::char(3)[])
        AND s.person_id IN (SELECT person_id FROM suspects WHERE person_id IS NOT NULL GROUP BY person_id HAVING count(DISTINCT case_id) > 1)
        AND d.vessel_id IN (SELECT vessel_id FROM detections GROUP BY vessel_id HAVING count(DISTINCT case_id) > 1)
      ORDER BY s.case_id LIMIT 1`,
  );
  if (!row) throw new Error('no synthetic case with a recurring person and vessel');
  return row;
}

const GRAPH = `query Graph($around: GraphAnchor!) { networkGraph(around: $around, depth: 3) { withheld nodes { id kind } edges { from to kind } } }`;

describe(`the analysis file's other reads at ${CASES.toLocaleString('en')} cases`, () => {
  it.each([
    ['networkGraph around a case', async () => [GRAPH, { around: { caseId: (await anchors()).caseId } }] as const],
    ['networkGraph around a person', async () => [GRAPH, { around: { personId: (await anchors()).personId } }] as const],
    ['networkGraph around a network', async () => [GRAPH, { around: { networkId: NETWORK } }] as const],
    [
      'Person.cases',
      async () =>
        [
          `query P($id: ID!) { person(id: $id) { aliases phones cases { reference releasable } } }`,
          { id: (await anchors()).personId },
        ] as const,
    ],
    [
      'Vessel.cases and Vessel.detections',
      async () =>
        [
          `query V($id: ID!) { vessel(id: $id) { cases { reference releasable } detections { detectedAt } } }`,
          { id: (await anchors()).vesselId },
        ] as const,
    ],
    [
      'SmugglingNetwork.suspects, cases and persons',
      async () =>
        [`{ smugglingNetworks { name suspects { alias } cases { reference releasable } persons { aliases } } }`, undefined] as const,
    ],
  ])('reads %s through indexes, with no whole scan of a large table', async (_what, request) => {
    const [query, variables] = await request();
    const plans = await plansOf(query, variables);
    expect(plans.length).toBeGreaterThan(0);
    const summary = plans.map(({ name, nodes }) => ({
      name,
      indexes: [...new Set(nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])))].sort(),
      // A handful of networks: a scan is the planner's cheaper choice there and is allowed.
      wholeScans: nodes.flatMap((node) =>
        node['Node Type'] === 'Seq Scan' && node['Relation Name'] !== 'smuggling_networks' ? [node['Relation Name']] : [],
      ),
    }));
    process.stdout.write(`${_what}: ${JSON.stringify(summary.map(({ name, indexes }) => `${name} → ${indexes.join('+') || 'none'}`))}\n`);
    expect(summary.filter((statement) => statement.wholeScans.length > 0)).toEqual([]);
  });
});
