import { startTestStack, type GraphQLResponse, type TestStack } from '../support/stack.js';

let tidelink: TestStack;
beforeAll(async () => {
  tidelink = await startTestStack();
});
afterAll(async () => {
  await tidelink?.stop();
});

interface Page {
  cases: {
    totalCount: number;
    nodes: Array<{ reference: string }>;
    edges: Array<{ cursor: string; node: { reference: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query Page($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) {
    totalCount nodes { reference } edges { cursor node { reference } } pageInfo { hasNextPage endCursor }
  }
}`;

describe('cases: a paginated list', () => {
  // A Dominican officer's list: every demo case released to DOM (ITA-2026-0311 stays with Italy, see sharing-police.test.ts).
  it('walks every demo case newest first, page by page, without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const response: GraphQLResponse<Page> = await tidelink.query<Page>(PAGE, { variables: { first: 2, after } });
      expect(response.body.errors).toBeUndefined();
      const cases: Page['cases'] = (response.body.data as Page).cases;
      expect(cases.totalCount).toBe(4);
      expect(cases.nodes.map((node) => node.reference)).toEqual(cases.edges.map((edge) => edge.node.reference));
      seen.push(...cases.nodes.map((node) => node.reference));
      if (!cases.pageInfo.hasNextPage) break;
      after = cases.pageInfo.endCursor;
    }
    expect(seen).toEqual(['ESP-2026-0058', 'CUW-2026-0007', 'DOM-2026-0142', 'TCA-2026-0031']);
  });

  it('filters by status, country and offence', async () => {
    const { body } = await tidelink.query<Page>(PAGE, {
      variables: { filter: { offence: 'DOCUMENT_FRAUD', leadCountry: 'CUW', status: 'OPEN' } },
    });
    expect(body.data?.cases.nodes).toEqual([{ reference: 'CUW-2026-0007' }]);
    expect(body.data?.cases.totalCount).toBe(1);
  });

  it.each([
    ['a page larger than 100', { first: 101 }, 'first'],
    ['a page of zero', { first: 0 }, 'first'],
    ['a cursor it did not issue', { after: 'bm90LWEtY3Vyc29y' }, 'after'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, field) => {
    const { status, body } = await tidelink.query(PAGE, { variables });
    expect(status).toBe(200);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] });
  });

  it('refuses an invalid country code in a filter with BAD_USER_INPUT', async () => {
    const { body } = await tidelink.query(PAGE, { variables: { filter: { leadCountry: 'XYZ' } } });
    expect(body.data?.cases ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'filter.leadCountry', reasons: ['INVALID_COUNTRY'] }],
      subgraph: 'police',
    });
    expect(body.errors?.[0].message).toMatch(/ISO 3166-1 alpha-3/);
  });
});
