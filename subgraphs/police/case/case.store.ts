import type { DataSource, EntityManager } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import type { Position } from '../../shared/pagination.js';
import { CaseEntity } from './case.entity.js';
import type { CaseStatus } from '../enums.js';
import type { Offence } from '../../shared/offence.js';

export interface CaseCriteria {
  status?: CaseStatus | null;
  leadCountry?: string | null;
  offence?: Offence | null;
  openedFrom?: Date | null;
  openedTo?: Date | null;
  /** Also cases not released to the reader's country (listed as hits). */
  includeHits?: boolean | null;
}

/** What the service adds to a reader's criteria: the country whose releases bound the list (null: not country-bound). */
export interface ScopedCaseCriteria extends CaseCriteria {
  releasedTo: string | null;
}

/**
 * The reader's share of cases in SQL, the mirror of `inScope` (police.policy.ts) for statements
 * that filter before the service decides (the owner is always among releasable_to, so the GIN index
 * answers it). `country` is a bound parameter holding the reader's country.
 */
export function releasedToSql(alias: string, country: string): string {
  return `(${alias}.sharing_scope = 'ALL' OR ${alias}.releasable_to @> ARRAY[${country}]::char(3)[])`;
}

/** SQL for cases, and nothing else: rules live in the service. */
export class CaseStore extends RecordStore<CaseEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, CaseEntity, 'case');
  }

  /** The cases attributed to these networks (cases_network_id), newest first: one statement per batch. */
  byNetworkIds(networkIds: readonly string[]): Promise<CaseEntity[]> {
    return selectWhereIn(this.dataSource, CaseEntity, 'case.byNetworkIds', 'networkId', networkIds, {
      property: 'openedAt',
      direction: 'DESC',
    });
  }

  /** Newest first, keyset-paginated on (opened_at, id): stable under inserts, no OFFSET scans. */
  page(criteria: ScopedCaseCriteria, after: Position | null, limit: number): Promise<CaseEntity[]> {
    const query = this.filtered(criteria).comment('case.page');
    if (after) {
      query.andWhere('(c.opened_at, c.id) < (:afterOpenedAt, :afterId)', {
        afterOpenedAt: after.sortKey,
        afterId: after.id,
      });
    }
    return query.orderBy('c.opened_at', 'DESC').addOrderBy('c.id', 'DESC').limit(limit).getMany();
  }

  referenceTaken(manager: EntityManager, reference: string): Promise<boolean> {
    return manager
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .comment('case.referenceTaken')
      .where('c.reference = :reference', { reference })
      .getExists();
  }

  count(criteria: ScopedCaseCriteria): Promise<number> {
    return this.filtered(criteria).comment('case.count').getCount();
  }

  private filtered(criteria: ScopedCaseCriteria) {
    const query = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c').where('TRUE');
    if (criteria.status) query.andWhere('c.status = :status', { status: criteria.status });
    if (criteria.leadCountry) query.andWhere('c.lead_country = :leadCountry', { leadCountry: criteria.leadCountry });
    if (criteria.offence) query.andWhere(':offence = ANY(c.offences)', { offence: criteria.offence });
    if (criteria.openedFrom) query.andWhere('c.opened_at >= :openedFrom', { openedFrom: criteria.openedFrom });
    if (criteria.openedTo) query.andWhere('c.opened_at < :openedTo', { openedTo: criteria.openedTo });
    // The owner is always among releasable_to, so the GIN index answers the scope.
    if (criteria.releasedTo && !criteria.includeHits) {
      query.andWhere(releasedToSql('c', ':releasedTo'), { releasedTo: criteria.releasedTo });
    }
    return query;
  }

  /**
   * Recomputes the countries a case is released to from its scope: the owner always; INVOLVED adds
   * the lead country and every detecting country; NAMED the named ones. Run on every write that can
   * change them (opening, a detection, a new scope), inside that write's transaction.
   */
  async refreshReleasable(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `/* case.refreshReleasable */ UPDATE cases c SET releasable_to = ARRAY(
         SELECT DISTINCT country FROM unnest(
           ARRAY[c.owner_country]
           || CASE c.sharing_scope
                WHEN 'OWNER' THEN '{}'::char(3)[]
                WHEN 'NAMED' THEN c.named_countries
                ELSE ARRAY[c.lead_country] || ARRAY(SELECT d.detecting_country FROM detections d WHERE d.case_id = c.id)
              END
         ) AS country ORDER BY country)
       WHERE c.id = $1`,
      [id],
    );
  }
}
