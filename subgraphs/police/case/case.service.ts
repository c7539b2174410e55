import { enforce, ForbiddenError } from '../../shared/access.js';
import { assertId, decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';
import type { IntelligenceItemEntity } from '../intelligence/intelligence.entity.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';
import type { CaseEntity } from './case.entity.js';
import type { CaseCriteria } from './case.store.js';
import type { CaseConnection } from './case.type.js';

/** Reads of cases and what hangs off them, each behind the police policy. */
export class CaseService {
  constructor(private readonly request: PoliceRequest) {}

  get(id: string): Promise<CaseEntity | null> {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.loaders.caseById.load(assertId(id));
  }

  /** For `_entities` calls from the other subgraphs' queries: the same rule as a direct read. */
  async reference(id: string) {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.loaders.caseById.load(id);
  }

  async list(criteria: CaseCriteria, first: number | null | undefined, after: string | null | undefined): Promise<CaseConnection> {
    enforce(policePolicy.caseRecord(this.request.viewer));
    const limit = pageSize(first);
    const position = after ? decodeCursor(after) : null;
    const rows = await this.request.stores.cases.page(criteria, position, limit + 1);
    const page = rows.slice(0, limit);
    // Prime the loader so nested references to these cases cost nothing more.
    for (const row of page) this.request.loaders.caseById.prime(row.id, row);
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
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.stores.cases.count(criteria);
  }

  detections(root: CaseEntity) {
    return this.request.loaders.detectionsByCase.load(root.id);
  }

  suspects(root: CaseEntity) {
    enforce(policePolicy.suspects(this.request.viewer));
    return this.request.loaders.suspectsByCase.load(root.id);
  }

  network(root: CaseEntity) {
    enforce(policePolicy.suspects(this.request.viewer));
    return root.networkId ? this.request.loaders.networkById.load(root.networkId) : null;
  }

  operation(root: CaseEntity) {
    return root.operationId ? this.request.loaders.operationById.load(root.operationId) : null;
  }

  /**
   * The case's intelligence, item by item: an item the reader may not have is a null entry with its
   * reason. Every item read, served or withheld, is logged.
   */
  async intelligence(root: CaseEntity): Promise<Array<IntelligenceItemEntity | ForbiddenError>> {
    const { viewer, accessLog } = this.request;
    const decision = policePolicy.intelligence(viewer);
    if (!decision.allowed) {
      accessLog.record('Case', root.id, 'intelligence', decision);
      throw new ForbiddenError(decision.reason);
    }
    const items = await this.request.loaders.intelligenceByCase.load(root.id);
    return items.map((item) => {
      const itemDecision = policePolicy.intelligenceItem(viewer, item);
      accessLog.record('IntelligenceItem', item.id, 'content', itemDecision);
      return itemDecision.allowed ? item : new ForbiddenError(itemDecision.reason);
    });
  }
}
