import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, subgraphDatabaseUrl, type SubgraphName } from '../../subgraphs/shared/database.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * `search` at 10,000 cases: EXPLAIN of the one statement a search sends finds every text through
 * its index (trigram GIN on the unaccented short texts, full-text GIN on the summaries), and scans
 * none of the searched tables whole; persons by their folded aliases, phone and document numbers
 * and vessels by their identifiers each through theirs. (A text that matches a large share of a table, like "Captain"
 * among the synthetic aliases "Captain 1" … "Captain 10000", is rightly answered by a scan: the
 * planner picks it from the statistics, and so it should.)
 */
const CASES = 10_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 20) { totalCount edges { score matched node { __typename } } }
}`;

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack({ SEED_DEMO: 'false' });
  const dataSources = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
  ) as Record<SubgraphName, DataSource>;
  await seedSynthetic(dataSources, CASES);
  // Fresh statistics, as autovacuum would have them on a server that has run a while: as the
  // owner (the application's role owns no table, so its ANALYZE would skip them all).
  const owner = new Client({ connectionString: subgraphDatabaseUrl('police', { shared: tidelink.config.DATABASE_URL }) });
  await owner.connect();
  try {
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

/** The plan of the search statement a query as a Dominican prosecutor sends. */
async function planOf(text: string): Promise<PlanNode[]> {
  const police = tidelink.stack.subgraphs.police.database;
  police.statements.recorded = [];
  try {
    const { body } = await tidelink.query(SEARCH, { token: await tidelink.token('PROSECUTOR', 'DOM'), variables: { text } });
    expect(body.errors).toBeUndefined();
    const statement = police.statements.recorded.find((recorded) => recorded.query.includes('/* search.page */'));
    if (!statement) throw new Error('no search.page statement was sent');
    const [{ 'QUERY PLAN': plan }] = await police.dataSource.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(
      `EXPLAIN (FORMAT JSON) ${statement.query}`,
      statement.parameters,
    );
    return walk(plan[0].Plan);
  } finally {
    police.statements.recorded = null;
  }
}

describe(`search indexes at ${CASES.toLocaleString('en')} cases`, () => {
  it('has the cases, and a reference of one of them to look for', async () => {
    const [{ count }] = await tidelink.stack.subgraphs.police.database.dataSource.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM cases',
    );
    expect(count).toBeGreaterThanOrEqual(CASES);
  });

  it.each([
    ['a case reference', async () => (await oneReference()).toLowerCase(), []],
    ['a word of no record', async () => 'capitán', []],
    ['a rare alias, accented', async () => 'Tío Ramón', []],
    ['a phone number, as typed', async () => spaced(await onePhone()), ['person_phones_e164']],
    // (Read as a registration too: synthetic vessels have none, so which index the planner takes for it is its choice.)
    ['a passport number', async () => (await onePassport()).toLowerCase(), ['person_documents_number']],
    ['an MMSI', async () => '327004512', ['vessels_mmsi']],
  ])('finds %s through the indexes, with no whole scan of a searched table', async (_what, text, identifierIndexes) => {
    const nodes = await planOf(await text());
    const indexes = new Set(nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])));
    for (const index of [
      'cases_reference_search',
      'cases_summary_search',
      'detections_sea_area_search',
      'suspects_alias_search',
      'vessels_name_search',
      'persons_aliases_trgm',
      ...identifierIndexes,
    ]) {
      expect(indexes).toContain(index);
    }
    const wholeScans = nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name']);
    // Networks are a handful of rows: a scan is the planner's cheaper choice there and is allowed.
    expect(wholeScans.filter((table) => table !== 'smuggling_networks')).toEqual([]);
  });
});

/** A phone number as an officer types it: "+1 829 5551234" for +18295551234. */
const spaced = (e164: string) => `${e164.slice(0, 2)} ${e164.slice(2, 5)} ${e164.slice(5)}`;

async function onePhone(): Promise<string> {
  const [{ e164 }] = await tidelink.stack.subgraphs.police.database.dataSource.query<Array<{ e164: string }>>(
    "SELECT e164 FROM person_phones WHERE e164 LIKE '+1829%' ORDER BY e164 LIMIT 1 OFFSET 42",
  );
  return e164;
}

async function onePassport(): Promise<string> {
  const [{ number }] = await tidelink.stack.subgraphs.police.database.dataSource.query<Array<{ number: string }>>(
    'SELECT number FROM person_documents ORDER BY number LIMIT 1 OFFSET 42',
  );
  return number;
}

async function oneReference(): Promise<string> {
  const [{ reference }] = await tidelink.stack.subgraphs.police.database.dataSource.query<Array<{ reference: string }>>(
    'SELECT reference FROM cases ORDER BY reference LIMIT 1 OFFSET 4242',
  );
  return reference;
}
