import type { DataSource, EntityManager } from 'typeorm';
import type { Position } from '../../shared/pagination.js';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { MigrantEntity } from './migrant.entity.js';

export class MigrantStore extends RecordStore<MigrantEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, MigrantEntity, 'migrant');
  }

  byCaseIds(caseIds: readonly string[]): Promise<MigrantEntity[]> {
    return selectWhereIn(this.dataSource, MigrantEntity, 'migrant.byCaseIds', 'caseId', caseIds, {
      property: 'code',
      direction: 'ASC',
    });
  }

  /** A page of one case's migrants, by code (then id), after a keyset position. */
  pageOfCase(caseId: string, after: Position | null, limit: number): Promise<MigrantEntity[]> {
    const query = this.dataSource
      .getRepository(MigrantEntity)
      .createQueryBuilder('m')
      .comment('migrant.pageOfCase')
      .where('m.caseId = :caseId', { caseId });
    if (after) query.andWhere('(m.code, m.id) > (:afterCode, :afterId)', { afterCode: after.sortKey, afterId: after.id });
    return query.orderBy('m.code', 'ASC').addOrderBy('m.id', 'ASC').limit(limit).getMany();
  }

  /** How many migrants a case has: what `pageOfCase` lists, all pages together. */
  countOfCase(caseId: string): Promise<number> {
    return this.dataSource
      .getRepository(MigrantEntity)
      .createQueryBuilder('m')
      .comment('migrant.countOfCase')
      .where('m.caseId = :caseId', { caseId })
      .getCount();
  }

  codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return manager
      .getRepository(MigrantEntity)
      .createQueryBuilder('m')
      .comment('migrant.codeTaken')
      .where('m.code = :code', { code })
      .getExists();
  }
}
