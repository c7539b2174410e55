import { assertId, decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';
import type { PoliceLoaders } from '../police.context.js';
import type { CaseEntity } from './case.entity.js';
import type { CaseCriteria, CaseStore } from './case.store.js';
import type { CaseConnection } from './case.type.js';

/** Reads of cases: id checks, page bounds and cursors. Access rules join here later, not in resolvers. */
export class CaseService {
  constructor(
    private readonly store: CaseStore,
    private readonly loaders: PoliceLoaders,
  ) {}

  get(id: string): Promise<CaseEntity | null> {
    return this.loaders.caseById.load(assertId(id));
  }

  async list(criteria: CaseCriteria, first: number | null | undefined, after: string | null | undefined): Promise<CaseConnection> {
    const limit = pageSize(first);
    const position = after ? decodeCursor(after) : null;
    const rows = await this.store.page(criteria, position, limit + 1);
    const page = rows.slice(0, limit);
    // Prime the loader so nested references to these cases cost nothing more.
    for (const row of page) this.loaders.caseById.prime(row.id, row);
    const edges = page.map((node) => ({
      cursor: encodeCursor({ sortKey: node.openedAt.toISOString(), id: node.id }),
      node,
    }));
    return {
      nodes: page,
      edges,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
      criteria,
    };
  }

  count(criteria: CaseCriteria): Promise<number> {
    return this.store.count(criteria);
  }
}
