import { agencies, enforce } from '../../shared/access.js';
import { dimensionsOf, filterConditions, kAnonymousStatistics, type Dimension, type StatisticsFilter } from '../../shared/statistics/statistics.js';
import type { AssistanceRequest } from '../assistance.context.js';
import { MigrantDimension, type MigrantStatistics } from './migrant-statistics.type.js';

const DIMENSIONS: Record<MigrantDimension, Dimension> = {
  [MigrantDimension.NATIONALITY]: { field: 'nationality', sql: 'm.nationality' },
  [MigrantDimension.AGE_GROUP]: { field: 'ageGroup', sql: 'm.age_group' },
  [MigrantDimension.SEX]: { field: 'sex', sql: 'm.sex' },
  [MigrantDimension.VULNERABILITY]: { field: 'vulnerability', sql: 'vulnerability.value' },
  [MigrantDimension.TRAFFICKING_STATUS]: { field: 'traffickingStatus', sql: 'm.trafficking_status' },
  [MigrantDimension.ASSISTANCE_TYPE]: { field: 'assistanceType', sql: 'a.type' },
};

const statisticsReaders = agencies('POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER');
/** Vulnerabilities and assistance leave IOM only as statistics, and only for analysts. */
const protectedDimensionReaders = agencies('IOM', 'ANALYST');

export class MigrantStatisticsService {
  constructor(private readonly request: AssistanceRequest) {}

  async migrants(groupBy: readonly MigrantDimension[], filter: StatisticsFilter | null | undefined): Promise<MigrantStatistics> {
    enforce(statisticsReaders(this.request.viewer));
    const byVulnerability = groupBy.includes(MigrantDimension.VULNERABILITY);
    const byAssistance = groupBy.includes(MigrantDimension.ASSISTANCE_TYPE);
    if (byVulnerability || byAssistance) enforce(protectedDimensionReaders(this.request.viewer));
    const { where, parameters } = filterConditions(filter, { time: 'm.registered_at', country: 'm.nationality' });
    const from = [
      'migrants m',
      byVulnerability ? 'LEFT JOIN LATERAL unnest(m.vulnerabilities) AS vulnerability(value) ON true' : '',
      byAssistance ? 'LEFT JOIN assistance_records a ON a.migrant_id = m.id' : '',
    ].join(' ');
    const result = await kAnonymousStatistics(
      this.request.dataSource,
      {
        statement: 'statistics.migrants',
        from,
        dimensions: dimensionsOf(groupBy, DIMENSIONS),
        metrics: { migrants: 'count(DISTINCT m.id)' },
        people: 'count(DISTINCT m.id)',
        where,
        parameters,
      },
      this.request.kAnonymity,
    );
    return result as unknown as MigrantStatistics;
  }
}
