import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
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
}

/** SQL for cases, and nothing else: rules live in the service. */
export class CaseStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<CaseEntity[]> {
    return selectWhereIn(this.dataSource, CaseEntity, 'case.byIds', 'id', ids);
  }

  /** Newest first, keyset-paginated on (opened_at, id): stable under inserts, no OFFSET scans. */
  page(criteria: CaseCriteria, after: Position | null, limit: number): Promise<CaseEntity[]> {
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
    return manager.getRepository(CaseEntity).createQueryBuilder('c').comment('case.referenceTaken').where('c.reference = :reference', { reference }).getExists();
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<CaseEntity>): Promise<string> {
    return insertRow(manager, CaseEntity, 'case.insert', values);
  }

  count(criteria: CaseCriteria): Promise<number> {
    return this.filtered(criteria).comment('case.count').getCount();
  }

  private filtered(criteria: CaseCriteria) {
    const query = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c').where('TRUE');
    if (criteria.status) query.andWhere('c.status = :status', { status: criteria.status });
    if (criteria.leadCountry) query.andWhere('c.lead_country = :leadCountry', { leadCountry: criteria.leadCountry });
    if (criteria.offence) query.andWhere(':offence = ANY(c.offences)', { offence: criteria.offence });
    if (criteria.openedFrom) query.andWhere('c.opened_at >= :openedFrom', { openedFrom: criteria.openedFrom });
    if (criteria.openedTo) query.andWhere('c.opened_at < :openedTo', { openedTo: criteria.openedTo });
    return query;
  }
}
