import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { StatisticsFilter } from '../../shared/statistics/statistics.js';
import type { PoliceContext } from '../police.context.js';
import { DetectionDimension, DetectionStatistics } from './detection-statistics.type.js';

@Resolver(() => DetectionStatistics)
export class DetectionStatisticsResolver {
  @Query(() => DetectionStatistics, {
    nullable: true,
    description:
      'Detections at sea grouped by any of month, sea area, detecting country, outcome and vessel type: counts, people aboard, deaths, missing. Counted in unit cells of one calendar month (UTC) and one country; a cell of fewer than k people is withheld, and so is any cell that would let one be worked out by subtracting published figures. Windows are whole calendar months. `filter.country` is the detecting country.',
  })
  detectionStatistics(
    @Arg('groupBy', () => [DetectionDimension], { description: 'Dimensions to group by, each at most once; empty for one overall group.' })
    groupBy: DetectionDimension[],
    @Ctx() context: PoliceContext,
    @Arg('filter', () => StatisticsFilter, { nullable: true, description: 'Date range (detection time) and country.' })
    filter?: StatisticsFilter | null,
  ) {
    return context.statistics.detections(groupBy, filter);
  }
}
