import { pageOf } from '../connection.js';
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
    const store = new AccessLogStore(this.request.dataSource);
    const rows = await store.page(criteria, after ? decodeCursor(after) : null, limit + 1);
    // The entity's columns and the GraphQL enums are typed from the same lists (access-log.entity.ts).
    // An auditor sees every entry one by one, so the count of the filtered log hides nothing.
    return pageOf(
      rows,
      limit,
      (row) => encodeCursor({ sortKey: row.at.toISOString(), id: row.id }),
      () => store.count(criteria),
    );
  }
}
