import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { guard } from '../policy.js';
import type { SubgraphContext } from '../context.js';
import { assertId, decodeCursor, encodeCursor, pageSize } from '../pagination.js';
import { accessLogPolicy } from './access-log.policy.js';
import { AccessLogStore } from './access-log.store.js';
import { AccessLogConnection, AccessLogFilter } from './access-log.type.js';

/**
 * The access-log query of one subgraph. Each subgraph names its own (`policeAccessLog`, …) because
 * each log lives in, and is answered by, the database of the agency that owns the data.
 */
export function createAccessLogResolver(subgraph: 'police' | 'assistance' | 'prosecution') {
  @Resolver()
  class AccessLogResolver {
    @Query(() => AccessLogConnection, {
      name: `${subgraph}AccessLog`,
      nullable: true,
      description: `Gated reads and writes of ${subgraph} data, newest first (AUDITOR only; at most 100 a page).`,
    })
    async accessLog(
      @Ctx() context: SubgraphContext,
      @Arg('filter', () => AccessLogFilter, { nullable: true, description: 'Conditions every entry meets.' })
      filter?: AccessLogFilter | null,
      @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100; default 20.' }) first?: number | null,
      @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor.' }) after?: string | null,
    ): Promise<AccessLogConnection> {
      guard(context, accessLogPolicy.accessLog, undefined);
      const criteria = filter ?? {};
      if (criteria.entityId) assertId(criteria.entityId, 'filter.entityId');
      const limit = pageSize(first);
      const rows = await new AccessLogStore(context.dataSource).page(criteria, after ? decodeCursor(after) : null, limit + 1);
      const nodes = rows.slice(0, limit);
      const last = nodes.at(-1);
      return {
        nodes: nodes as AccessLogConnection['nodes'],
        pageInfo: {
          hasNextPage: rows.length > limit,
          endCursor: last ? encodeCursor({ sortKey: last.at.toISOString(), id: last.id }) : null,
        },
      };
    }
  }
  return AccessLogResolver;
}
