import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { StatisticsFilter } from '../../shared/statistics/statistics.js';
import type { AssistanceContext } from '../assistance.context.js';
import { MigrantDimension, MigrantStatistics } from './migrant-statistics.type.js';

@Resolver(() => MigrantStatistics)
export class MigrantStatisticsResolver {
  @Query(() => MigrantStatistics, {
    nullable: true,
    description:
      'Migrants grouped by any of nationality, age group, sex, vulnerability, trafficking status and assistance type. Groups with fewer than k people are suppressed. `filter.country` is the nationality.',
  })
  migrantStatistics(
    @Arg('groupBy', () => [MigrantDimension], { description: 'Dimensions to group by, each at most once; empty for one overall group.' })
    groupBy: MigrantDimension[],
    @Ctx() context: AssistanceContext,
    @Arg('filter', () => StatisticsFilter, { nullable: true, description: 'Date range (registration time) and nationality.' }) filter?: StatisticsFilter | null,
  ) {
    return context.statistics.migrants(groupBy, filter);
  }
}
