import type { DataSource } from 'typeorm';
import type { Agency } from '../../platform/auth.js';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Every list a partner may page has the cursor connection shape of `cases` (issue 16 item 6):
 * edges with cursors, nodes, pageInfo, `first` at most 100, and a `totalCount` that counts exactly
 * what the pages list for that reader, never a record the reader may not see one by one.
 */
let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
  // Synthetic cases with their prosecutions, so that pages are full and batching is measurable.
  const dataSources = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
  ) as Record<SubgraphName, DataSource>;
  await seedSynthetic(dataSources, 60);
});
afterAll(async () => {
  await tidelink?.stop();
});

interface Connection {
  totalCount: number;
  nodes: Array<{ id: string }>;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Walks a connection page by page; checks each page's shape as it goes. */
async function walk(
  agency: Agency,
  country: string,
  query: string,
  field: string,
  variables: Record<string, unknown>,
  first: number,
): Promise<{ ids: string[]; totalCounts: number[] }> {
  const ids: string[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 500; page += 1) {
    const body: { data?: Record<string, Connection> | null; errors?: unknown[] } = await tidelink.queryAs<Record<string, Connection>>(
      agency,
      country,
      query,
      { ...variables, first, after },
    );
    expect(body.errors).toBeUndefined();
    const connection: Connection = (body.data as Record<string, Connection>)[field];
    expect(connection.nodes.length).toBeLessThanOrEqual(first);
    expect(connection.edges.map((edge) => edge.node.id)).toEqual(connection.nodes.map((node) => node.id));
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
    totalCounts.push(connection.totalCount);
    ids.push(...connection.nodes.map((node) => node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCounts };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`${field} did not end`);
}

const PROSECUTIONS = `query Prosecutions($first: Int, $after: String) {
  prosecutionsConnection(first: $first, after: $after) {
    totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

const MIGRANTS = `query Migrants($caseId: ID!, $first: Int, $after: String) {
  migrantsConnection(caseId: $caseId, first: $first, after: $after) {
    totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

const ACCESS_LOG = `query Log($filter: AccessLogFilter, $first: Int, $after: String) {
  policeAccessLog(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id } edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

const DOM_2026_0142 = 'ca5e0000-0000-4000-8000-000000000001';

describe('prosecutionsConnection', () => {
  it('walks every prosecution once, newest first, and totalCount is the number walked, on every page (a partner)', async () => {
    const { ids, totalCounts } = await walk('PARTNER', 'USA', PROSECUTIONS, 'prosecutionsConnection', {}, 7);
    expect(ids.length).toBeGreaterThan(7);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(totalCounts)).toEqual(new Set([ids.length]));
    // The deprecated list gives the same order (it stops at 100).
    const old = await tidelink.queryAs<{ prosecutions: Array<{ id: string }> }>('PARTNER', 'USA', '{ prosecutions(first: 100) { id } }');
    expect(old.data?.prosecutions.map((row) => row.id)).toEqual(ids.slice(0, 100));
  });

  it('refuses first above 100 and a cursor it did not issue, as BAD_USER_INPUT naming the argument', async () => {
    const tooMany = await tidelink.queryAs('PROSECUTOR', 'DOM', PROSECUTIONS, { first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    const forged = await tidelink.queryAs('PROSECUTOR', 'DOM', PROSECUTIONS, { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
  });

  it('costs as many SQL statements for first: 100 as for first: 5, nested defendants and cases included', async () => {
    const deep = `query Deep($first: Int) {
      prosecutionsConnection(first: $first) {
        totalCount nodes { id stage case { reference } defendants { id suspect { alias } charges { verdict } } }
      }
    }`;
    const statementsFor = async (first: number) => {
      for (const name of SUBGRAPH_NAMES) tidelink.stack.subgraphs[name].database.statements.reset();
      const body = await tidelink.queryAs<{ prosecutionsConnection: Connection }>('PROSECUTOR', 'DOM', deep, { first });
      // Suspects of cases another country keeps are withheld; nothing else fails.
      for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(body.data?.prosecutionsConnection.nodes.length).toBe(Math.min(first, body.data?.prosecutionsConnection.totalCount ?? 0));
      return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.statements.count]));
    };
    const five = await statementsFor(5);
    const hundred = await statementsFor(100);
    expect(hundred).toEqual(five);
    expect(five.prosecution).toBeGreaterThan(0);
  });
});

describe('migrantsConnection', () => {
  it("walks a case's migrants by code, one page at a time, as the deprecated list has them", async () => {
    const { ids, totalCounts } = await walk('IOM', 'DOM', MIGRANTS, 'migrantsConnection', { caseId: DOM_2026_0142 }, 1);
    expect(ids).toHaveLength(4);
    expect(new Set(totalCounts)).toEqual(new Set([4]));
    const old = await tidelink.queryAs<{ migrants: Array<{ id: string }> }>(
      'IOM',
      'DOM',
      `{ migrants(caseId: "${DOM_2026_0142}") { id } }`,
    );
    expect(old.data?.migrants.map((row) => row.id)).toEqual(ids);
  });

  it('is refused to a partner as the list is (FORBIDDEN), counting nothing', async () => {
    const body = await tidelink.queryAs('PARTNER', 'USA', MIGRANTS, { caseId: DOM_2026_0142 });
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(body.data).toBeNull();
  });
});

describe('access logs', () => {
  it('page with edges and a totalCount of the filtered log (an auditor)', async () => {
    // Reads during the test add entries: a window that ends now holds still.
    const filter = { to: new Date().toISOString(), entityType: 'Case' };
    const { ids, totalCounts } = await walk('AUDITOR', 'DOM', ACCESS_LOG, 'policeAccessLog', { filter }, 100);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(totalCounts)).toEqual(new Set([ids.length]));
  });
});

describe('a record the reader may not see changes no totalCount they see', () => {
  const CASES = `query Cases($filter: CaseFilter) { cases(filter: $filter) { totalCount } }`;
  const SEARCH = `query Search($text: String!) { search(text: $text) { totalCount nodes { __typename } } }`;
  const WORD = 'Quintanilla';

  it('a case Italy keeps to itself is counted for Italian police, and not for Dominican police, in cases and in search', async () => {
    const count = async (country: string) => {
      const cases = await tidelink.queryAs<{ cases: { totalCount: number } }>('POLICE', country, CASES, {});
      const search = await tidelink.queryAs<{ search: { totalCount: number; nodes: unknown[] } }>('POLICE', country, SEARCH, {
        text: WORD,
      });
      expect(search.data?.search.totalCount).toBe(search.data?.search.nodes.length);
      return { cases: cases.data?.cases.totalCount, search: search.data?.search.totalCount };
    };
    const before = { DOM: await count('DOM'), ITA: await count('ITA') };
    const opened = await tidelink.queryAs<{ openCase: { id: string } }>(
      'POLICE',
      'ITA',
      `mutation Open($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
      {
        input: {
          reference: 'ITA-2026-PAGE-0001',
          leadCountry: 'ITA',
          offences: ['SMUGGLING_OF_MIGRANTS'],
          summary: `Rubber boat found by ${WORD} fishermen south of Lampedusa`,
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const after = { DOM: await count('DOM'), ITA: await count('ITA') };
    // The owner sees its new case counted (so the counts do move)…
    expect(after.ITA).toEqual({ cases: (before.ITA.cases ?? 0) + 1, search: (before.ITA.search ?? 0) + 1 });
    // …a country outside its scope has the same counts as before.
    expect(after.DOM).toEqual(before.DOM);
    // With hits asked for, the case is listed as a hit and counted as one: the count is of what is listed.
    const hits = await tidelink.queryAs<{ cases: { totalCount: number } }>('POLICE', 'DOM', CASES, { filter: { includeHits: true } });
    const listed = await tidelink.queryAs<{ cases: { nodes: unknown[] } }>(
      'POLICE',
      'DOM',
      `{ cases(first: 100, filter: { includeHits: true }) { nodes { id } } }`,
    );
    expect(hits.data?.cases.totalCount).toBe(listed.data?.cases.nodes.length);
  });
});
