import { agencies, enforce } from '../../shared/access.js';
import { dimensionsOf, filterConditions, kAnonymousStatistics, type Dimension, type StatisticsFilter } from '../../shared/statistics/statistics.js';
import type { ProsecutionRequest } from '../prosecution.context.js';
import { MlaDimension, ProsecutionDimension, type MlaStatistics, type ProsecutionStatistics } from './prosecution-statistics.type.js';

const PROSECUTION_DIMENSIONS: Record<ProsecutionDimension, Dimension> = {
  [ProsecutionDimension.STAGE]: { field: 'stage', sql: 'p.stage' },
  [ProsecutionDimension.JURISDICTION]: { field: 'jurisdiction', sql: 'p.jurisdiction' },
  [ProsecutionDimension.VERDICT]: { field: 'verdict', sql: 'c.verdict' },
  [ProsecutionDimension.OFFENCE]: { field: 'offence', sql: 'c.offence' },
  [ProsecutionDimension.LEGAL_BASIS]: { field: 'legalBasis', sql: 'c.legal_basis' },
};

const MLA_DIMENSIONS: Record<MlaDimension, Dimension> = {
  [MlaDimension.STATUS]: { field: 'status', sql: 'r.status' },
  [MlaDimension.TYPE]: { field: 'type', sql: 'r.type' },
};

const statisticsReaders = agencies('POLICE', 'IOM', 'PROSECUTOR', 'ANALYST', 'PARTNER');
/** MLA requests are use-limited: prosecutors, and analysts as counts only. */
const mlaCountReaders = agencies('PROSECUTOR', 'ANALYST');

export class ProsecutionStatisticsService {
  constructor(private readonly request: ProsecutionRequest) {}

  async prosecutions(groupBy: readonly ProsecutionDimension[], filter: StatisticsFilter | null | undefined): Promise<ProsecutionStatistics> {
    enforce(statisticsReaders(this.request.viewer));
    const { where, parameters } = filterConditions(filter, { time: 'p.opened_at', country: 'p.jurisdiction' });
    const result = await kAnonymousStatistics(
      this.request.dataSource,
      {
        statement: 'statistics.prosecutions',
        from: 'prosecutions p LEFT JOIN defendants d ON d.prosecution_id = p.id LEFT JOIN charges c ON c.defendant_id = d.id',
        dimensions: dimensionsOf(groupBy, PROSECUTION_DIMENSIONS),
        metrics: { prosecutions: 'count(DISTINCT p.id)', defendants: 'count(DISTINCT d.id)', charges: 'count(c.id)' },
        people: 'count(DISTINCT d.id)',
        where,
        parameters,
      },
      this.request.kAnonymity,
    );
    return result as unknown as ProsecutionStatistics;
  }

  async mlaRequests(groupBy: readonly MlaDimension[], filter: StatisticsFilter | null | undefined): Promise<MlaStatistics> {
    enforce(mlaCountReaders(this.request.viewer));
    const { where, parameters } = filterConditions(filter, { time: 'r.created_at', country: 'r.requesting_country' });
    const result = await kAnonymousStatistics(
      this.request.dataSource,
      {
        statement: 'statistics.mlaRequests',
        from: 'mla_requests r',
        dimensions: dimensionsOf(groupBy, MLA_DIMENSIONS),
        metrics: { requests: 'count(*)' },
        // No people here: small groups of requests would still point at single cases.
        people: 'count(*)',
        where,
        parameters,
      },
      this.request.kAnonymity,
    );
    return result as unknown as MlaStatistics;
  }
}
