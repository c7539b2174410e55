import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { StatisticsFilter } from '../../shared/statistics/statistics.js';
import type { AssistanceContext } from '../assistance.context.js';
import { MigrantDimension, MigrantStatistics } from './migrant-statistics.type.js';

@Resolver(() => MigrantStatistics)
export class MigrantStatisticsResolver {
  @Query(() => MigrantStatistics, {
    nullable: true,
    description:
      'Migrants grouped by any of nationality, age group, sex, vulnerability, trafficking status and assistance type. Counted in unit cells of one calendar month (UTC) and one country; a cell of fewer than k people is withheld, and so is any cell that would let one be worked out by subtracting published figures. Windows are whole calendar months. `filter.country` is the nationality.',
  })
  migrantStatistics(
    @Arg('groupBy', () => [MigrantDimension], { description: 'Dimensions to group by, each at most once; empty for one overall group.' })
    groupBy: MigrantDimension[],
    @Ctx() context: AssistanceContext,
    @Arg('filter', () => StatisticsFilter, { nullable: true, description: 'Date range (registration time) and nationality.' })
    filter?: StatisticsFilter | null,
  ) {
    return context.statistics.migrants(groupBy, filter);
  }
}
