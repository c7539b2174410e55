import { guard } from '../../shared/policy.js';
import { dimensionsOf, kAnonymousStatistics, type Dimension, type StatisticsFilter } from '../../shared/statistics/statistics.js';
import { DetectionOutcome, VesselType } from '../enums.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import { DetectionDimension, type DetectionStatistics } from './detection-statistics.type.js';

const DIMENSIONS: Record<DetectionDimension, Dimension> = {
  [DetectionDimension.MONTH]: { field: 'month', sql: '', axis: 'month' },
  [DetectionDimension.SEA_AREA]: { field: 'seaArea', sql: 'd.sea_area' },
  [DetectionDimension.DETECTING_COUNTRY]: { field: 'detectingCountry', sql: '', axis: 'country' },
  [DetectionDimension.OUTCOME]: { field: 'outcome', sql: 'd.outcome', values: Object.values(DetectionOutcome) },
  [DetectionDimension.VESSEL_TYPE]: { field: 'vesselType', sql: 'v.type', values: [...Object.values(VesselType), null] },
};

export class DetectionStatisticsService {
  constructor(private readonly request: PoliceCall) {}

  async detections(groupBy: readonly DetectionDimension[], filter: StatisticsFilter | null | undefined): Promise<DetectionStatistics> {
    guard(this.request, policePolicy.statistics, undefined);
    const result = await kAnonymousStatistics(
      this.request,
      {
        statement: 'statistics.detections',
        from: 'detections d LEFT JOIN vessels v ON v.id = d.vessel_id',
        grid: { time: 'd.detected_at', country: 'd.detecting_country' },
        dimensions: dimensionsOf(groupBy, DIMENSIONS),
        metrics: {
          detections: 'count(*)',
          personsOnBoard: 'coalesce(sum(d.persons_on_board), 0)',
          deaths: 'coalesce(sum(d.deaths), 0)',
          missing: 'coalesce(sum(d.missing), 0)',
        },
        // k counts the people aboard, not detections: one boat of 3 is 3 people.
        people: 'coalesce(sum(d.persons_on_board), 0)',
      },
      filter,
    );
    return result as unknown as DetectionStatistics;
  }
}
