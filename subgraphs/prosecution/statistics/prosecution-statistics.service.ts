import { guard } from '../../shared/policy.js';
import { dimensionsOf, kAnonymousStatistics, type Dimension, type StatisticsFilter } from '../../shared/statistics/statistics.js';
import { Offence } from '../../shared/offence.js';
import { LegalBasis, MlaStatus, MlaType, ProsecutionStage, Verdict } from '../enums.js';
import type { ProsecutionCall } from '../prosecution.call.js';
import { prosecutionPolicy } from '../prosecution.policy.js';
import { MlaDimension, ProsecutionDimension, type MlaStatistics, type ProsecutionStatistics } from './prosecution-statistics.type.js';

const PROSECUTION_DIMENSIONS: Record<ProsecutionDimension, Dimension> = {
  [ProsecutionDimension.STAGE]: { field: 'stage', sql: 'p.stage', values: Object.values(ProsecutionStage) },
  [ProsecutionDimension.JURISDICTION]: { field: 'jurisdiction', sql: '', axis: 'country' },
  [ProsecutionDimension.VERDICT]: { field: 'verdict', sql: 'c.verdict', values: [...Object.values(Verdict), null] },
  [ProsecutionDimension.OFFENCE]: { field: 'offence', sql: 'c.offence', values: [...Object.values(Offence), null] },
  [ProsecutionDimension.LEGAL_BASIS]: { field: 'legalBasis', sql: 'c.legal_basis', values: [...Object.values(LegalBasis), null] },
};

const MLA_DIMENSIONS: Record<MlaDimension, Dimension> = {
  [MlaDimension.STATUS]: { field: 'status', sql: 'r.status', values: Object.values(MlaStatus) },
  [MlaDimension.TYPE]: { field: 'type', sql: 'r.type', values: Object.values(MlaType) },
};

export class ProsecutionStatisticsService {
  constructor(private readonly request: ProsecutionCall) {}

  async prosecutions(
    groupBy: readonly ProsecutionDimension[],
    filter: StatisticsFilter | null | undefined,
  ): Promise<ProsecutionStatistics> {
    guard(this.request, prosecutionPolicy.statistics, undefined);
    const result = await kAnonymousStatistics(
      this.request,
      {
        statement: 'statistics.prosecutions',
        from: 'prosecutions p LEFT JOIN defendants d ON d.prosecution_id = p.id LEFT JOIN charges c ON c.defendant_id = d.id',
        grid: { time: 'p.opened_at', country: 'p.jurisdiction' },
        dimensions: dimensionsOf(groupBy, PROSECUTION_DIMENSIONS),
        metrics: { prosecutions: 'count(DISTINCT p.id)', defendants: 'count(DISTINCT d.id)', charges: 'count(c.id)' },
        people: 'count(DISTINCT d.id)',
      },
      filter,
    );
    return result as unknown as ProsecutionStatistics;
  }

  async mlaRequests(groupBy: readonly MlaDimension[], filter: StatisticsFilter | null | undefined): Promise<MlaStatistics> {
    guard(this.request, prosecutionPolicy.mlaStatistics, undefined);
    const result = await kAnonymousStatistics(
      this.request,
      {
        statement: 'statistics.mlaRequests',
        from: 'mla_requests r',
        grid: { time: 'r.created_at', country: 'r.requesting_country' },
        dimensions: dimensionsOf(groupBy, MLA_DIMENSIONS),
        metrics: { requests: 'count(*)' },
        // k counts requests: each concerns at least one subject, and a small group would point at single cases.
        people: 'count(*)',
      },
      filter,
    );
    return result as unknown as MlaStatistics;
  }
}
