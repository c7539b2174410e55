import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { totalCountOf } from '../connection.js';
import type { SubgraphContext } from '../context.js';
import { AccessLogService } from './access-log.service.js';
import { AccessLogConnection, AccessLogFilter } from './access-log.type.js';

/**
 * The access-log query of one subgraph. Each subgraph names its own (`policeAccessLog`, …) because
 * each log lives in, and is answered by, the database of the agency that owns the data.
 */
export function createAccessLogResolver(subgraph: 'police' | 'assistance' | 'prosecution') {
  @Resolver(() => AccessLogConnection)
  class AccessLogResolver {
    @Query(() => AccessLogConnection, {
      name: `${subgraph}AccessLog`,
      nullable: true,
      description: `Gated reads and writes of ${subgraph} data, newest first (AUDITOR only; at most 100 a page).`,
    })
    accessLog(
      @Ctx() context: SubgraphContext,
      @Arg('filter', () => AccessLogFilter, { nullable: true, description: 'Conditions every entry meets.' })
      filter?: AccessLogFilter | null,
      @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100; default 20.' }) first?: number | null,
      @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor.' }) after?: string | null,
    ): Promise<AccessLogConnection> {
      return new AccessLogService(context).page(filter, first, after);
    }

    @FieldResolver(() => Int, { description: 'How many entries match the filter in all pages; counted only when asked for.' })
    totalCount(@Root() connection: AccessLogConnection): Promise<number> {
      return totalCountOf(connection);
    }
  }
  return AccessLogResolver;
}
