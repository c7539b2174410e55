import { guard } from '../../shared/policy.js';
import { assistancePolicy } from '../assistance.policy.js';
import { dimensionsOf, kAnonymousStatistics, type Dimension, type StatisticsFilter } from '../../shared/statistics/statistics.js';
import { AgeGroup, AssistanceType, Sex, TraffickingStatus, Vulnerability } from '../enums.js';
import type { AssistanceCall } from '../assistance.call.js';
import { MigrantDimension, type MigrantStatistics } from './migrant-statistics.type.js';

const DIMENSIONS: Record<MigrantDimension, Dimension> = {
  [MigrantDimension.NATIONALITY]: { field: 'nationality', sql: '', axis: 'country' },
  [MigrantDimension.AGE_GROUP]: { field: 'ageGroup', sql: 'm.age_group', values: Object.values(AgeGroup) },
  [MigrantDimension.SEX]: { field: 'sex', sql: 'm.sex', values: Object.values(Sex) },
  [MigrantDimension.VULNERABILITY]: { field: 'vulnerability', sql: 'vulnerability.value', values: [...Object.values(Vulnerability), null] },
  [MigrantDimension.TRAFFICKING_STATUS]: {
    field: 'traffickingStatus',
    sql: 'm.trafficking_status',
    values: Object.values(TraffickingStatus),
  },
  [MigrantDimension.ASSISTANCE_TYPE]: { field: 'assistanceType', sql: 'a.type', values: [...Object.values(AssistanceType), null] },
};

export class MigrantStatisticsService {
  constructor(private readonly request: AssistanceCall) {}

  async migrants(groupBy: readonly MigrantDimension[], filter: StatisticsFilter | null | undefined): Promise<MigrantStatistics> {
    guard(this.request, assistancePolicy.statistics, undefined);
    const byVulnerability = groupBy.includes(MigrantDimension.VULNERABILITY);
    const byAssistance = groupBy.includes(MigrantDimension.ASSISTANCE_TYPE);
    if (byVulnerability || byAssistance) guard(this.request, assistancePolicy.protectedStatistics, undefined);
    const from = [
      'migrants m',
      byVulnerability ? 'LEFT JOIN LATERAL unnest(m.vulnerabilities) AS vulnerability(value) ON true' : '',
      byAssistance ? 'LEFT JOIN assistance_records a ON a.migrant_id = m.id' : '',
    ].join(' ');
    const result = await kAnonymousStatistics(
      this.request,
      {
        statement: 'statistics.migrants',
        from,
        grid: { time: 'm.registered_at', country: 'm.nationality' },
        dimensions: dimensionsOf(groupBy, DIMENSIONS),
        metrics: { migrants: 'count(DISTINCT m.id)' },
        people: 'count(DISTINCT m.id)',
      },
      filter,
    );
    return result as unknown as MigrantStatistics;
  }
}
