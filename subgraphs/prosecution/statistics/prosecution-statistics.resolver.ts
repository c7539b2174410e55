import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { StatisticsFilter } from '../../shared/statistics/statistics.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import { MlaDimension, MlaStatistics, ProsecutionDimension, ProsecutionStatistics } from './prosecution-statistics.type.js';

@Resolver()
export class ProsecutionStatisticsResolver {
  @Query(() => ProsecutionStatistics, {
    nullable: true,
    description:
      'Prosecutions, defendants and charges grouped by any of stage, jurisdiction, verdict, offence and legal basis. Counted in unit cells of one calendar month (UTC) and one country; a cell of fewer than k defendants is withheld, and so is any cell that would let one be worked out by subtracting published figures. Windows are whole calendar months. `filter.country` is the jurisdiction.',
  })
  prosecutionStatistics(
    @Arg('groupBy', () => [ProsecutionDimension], {
      description: 'Dimensions to group by, each at most once; empty for one overall group.',
    })
    groupBy: ProsecutionDimension[],
    @Ctx() context: ProsecutionContext,
    @Arg('filter', () => StatisticsFilter, { nullable: true, description: 'Date range (opening time) and jurisdiction.' })
    filter?: StatisticsFilter | null,
  ) {
    return context.statistics.prosecutions(groupBy, filter);
  }

  @Query(() => MlaStatistics, {
    nullable: true,
    description:
      'MLA requests counted by status and type (PROSECUTOR and ANALYST). Counted in unit cells of one calendar month (UTC) and one country; a cell of fewer than k requests is withheld, and so is any cell that would let one be worked out by subtracting published figures. Windows are whole calendar months. `filter.country` is the requesting State.',
  })
  mlaStatistics(
    @Arg('groupBy', () => [MlaDimension], { description: 'Dimensions to group by, each at most once.' }) groupBy: MlaDimension[],
    @Ctx() context: ProsecutionContext,
    @Arg('filter', () => StatisticsFilter, { nullable: true, description: 'Date range (creation time) and requesting State.' })
    filter?: StatisticsFilter | null,
  ) {
    return context.statistics.mlaRequests(groupBy, filter);
  }
}
