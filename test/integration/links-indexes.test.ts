import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, subgraphDatabaseUrl, type SubgraphName } from '../../subgraphs/shared/database.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * `Case.links` at 10,000 cases: EXPLAIN of the one statement a page of cases' links sends reaches
 * the other cases of every kind through an index (vessel, person, phone, document, network, and
 * the GiST box of the route), and scans none of the joined tables whole.
 */
const CASES = 10_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const LINKS = `query Links { cases(first: 20) { nodes { links { since shared { kind } } } } }`;

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
    `);
    await owner.query('ANALYZE');
  } finally {
    await owner.end();
  }
}, 180_000);
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
