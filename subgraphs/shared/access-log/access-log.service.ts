import type { SubgraphContext } from '../context.js';
import { assertId, decodeCursor, encodeCursor, pageSize } from '../pagination.js';
import { guard } from '../policy.js';
import { accessLogPolicy } from './access-log.policy.js';
import { AccessLogStore } from './access-log.store.js';
import type { AccessLogConnection, AccessLogFilter } from './access-log.type.js';

/** Reads one subgraph's access log: the auditor-only rule, then a page from the store. */
export class AccessLogService {
  constructor(private readonly request: SubgraphContext) {}

  async page(
    filter: AccessLogFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<AccessLogConnection> {
    guard(this.request, accessLogPolicy.accessLog, undefined);
    const criteria = filter ?? {};
    if (criteria.entityId) assertId(criteria.entityId, 'filter.entityId');
    const limit = pageSize(first);
    const rows = await new AccessLogStore(this.request.dataSource).page(criteria, after ? decodeCursor(after) : null, limit + 1);
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    return {
      // The entity's columns and the GraphQL enums are typed from the same lists (access-log.entity.ts).
      nodes,
      pageInfo: {
        hasNextPage: rows.length > limit,
        endCursor: last ? encodeCursor({ sortKey: last.at.toISOString(), id: last.id }) : null,
      },
    };
  }
}
