import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { seedSynthetic } from '../../subgraphs/demo/synthetic.js';
import type { Agency } from '../../platform/auth.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/shared/database.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** Every relation and reference of FollowCase's depth, for a whole page of cases. */
const DEEP = `query Deep($first: Int!) {
  cases(first: $first) {
    nodes {
      id reference
      detections { id position { latitude } vessel { id type } operation { name } }
      suspects { id alias network { name } }
      intelligence { id handlingCode }
      network { name } operation { name }
      migrants { id code identity { givenName } consents { scope } screenings { traffickingStatus } assistance { id type } detection { seaArea } }
      assistanceSummary { migrants minors }
      prosecution {
        id stage
        defendants { id suspect { id alias role } charges { id verdict } }
        witnesses { id migrant { id code } }
        mlaRequests { id status }
        caseLaw { id citation }
      }
    }
  }
}`;

const ROOT = path.join(__dirname, '..', '..');

/**
 * The statement counts the docs quote for this query as a prosecutor, read from their text (README.md
 * or a guide in docs/), so that a changed count fails here until the sentence is changed with it.
 */
function quotedProsecutorStatements(): { statements: Record<SubgraphName, number>; file: string } {
  const files = [
    'README.md',
    ...readdirSync(path.join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  const QUOTE =
    /costs a prosecutor police (\d+), assistance (\d+), prosecution (\d+) statements — exactly as many as `cases\(first: 10\)` \(`test\/integration\/batching\.test\.ts`\)/g;
  const quotes = files.flatMap((file) =>
    [...readFileSync(path.join(ROOT, file), 'utf8').replace(/\s+/g, ' ').matchAll(QUOTE)].map((match) => ({
      file,
      statements: { police: Number(match[1]), assistance: Number(match[2]), prosecution: Number(match[3]) },
    })),
  );
  // Exactly one sentence quotes them: none means it was reworded (mend QUOTE), two could disagree.
  expect(quotes.map((quote) => quote.file)).toHaveLength(1);
  return quotes[0];
}

let tidelink: TestStack;

beforeAll(async () => {
  tidelink = await startTestStack();
  // 150 synthetic cases on top of the demo, written straight into the three test databases.
  const dataSources = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.dataSource]),
  ) as Record<SubgraphName, DataSource>;
  await seedSynthetic(dataSources, 150);
});
afterAll(async () => {
  await tidelink?.stop();
});

async function statementsFor(agency: Agency, first: number): Promise<{ statements: Record<SubgraphName, number>; rows: number }> {
  for (const name of SUBGRAPH_NAMES) tidelink.stack.subgraphs[name].database.statements.reset();
  const { body } = await tidelink.query<{ cases: { nodes: Array<{ migrants: unknown[]; prosecution: unknown }> } }>(DEEP, {
    variables: { first },
    token: await tidelink.token(agency, 'DOM'),
  });
  // Access checks are on: what the agency may not see comes back as FORBIDDEN, nothing else fails.
  for (const error of body.errors ?? []) expect(error.extensions?.code).toBe('FORBIDDEN');
  const nodes = body.data?.cases.nodes ?? [];
  expect(nodes).toHaveLength(first);
  const statements = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, tidelink.stack.subgraphs[name].database.statements.count]),
  ) as Record<SubgraphName, number>;
  return { statements, rows: nodes.length };
}

describe('batching, with access checks and access logging on', () => {
  it.each(['PROSECUTOR', 'IOM'] as const)(
    'issues as many SQL statements for cases(first: 100) as for cases(first: 10), as %s',
    async (agency) => {
      const ten = await statementsFor(agency, 10);
      const hundred = await statementsFor(agency, 100);
      // Printed for the closing note: the per-subgraph counts for N = 10 and N = 100.
      process.stdout.write(
        `SQL statements as ${agency} — first: 10 → ${JSON.stringify(ten.statements)}; first: 100 → ${JSON.stringify(hundred.statements)}\n`,
      );
      expect(hundred.statements).toEqual(ten.statements);
      // Sanity: the query really reached every subgraph's tables.
      for (const name of SUBGRAPH_NAMES) expect(ten.statements[name]).toBeGreaterThan(0);
    },
  );

  it('costs a prosecutor exactly the statements the docs quote, for first: 10 and first: 100', async () => {
    const quoted = quotedProsecutorStatements();
    expect((await statementsFor('PROSECUTOR', 10)).statements).toEqual(quoted.statements);
    expect((await statementsFor('PROSECUTOR', 100)).statements).toEqual(quoted.statements);
  });
});
