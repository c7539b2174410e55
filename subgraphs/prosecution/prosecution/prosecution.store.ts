import type { DataSource, EntityManager } from 'typeorm';
import type { Position } from '../../shared/pagination.js';
import { RecordStore, selectEntities } from '../../shared/store.js';
import { ProsecutionEntity } from './prosecution.entity.js';

export class ProsecutionStore extends RecordStore<ProsecutionEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ProsecutionEntity, 'prosecution');
  }

  /** At most one prosecution per case: the earliest opened (ties broken by id). A loader's read: SQL written once, no query builder. */
  earliestByCaseIds(caseIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ProsecutionEntity[]> {
    return selectEntities(
      manager,
      ProsecutionEntity,
      'p',
      (p) =>
        `/* prosecution.earliestByCaseIds */ SELECT DISTINCT ON (${p.column('caseId')}) ${p.list} FROM ${p.from} ` +
        `WHERE ${p.column('caseId')} = ANY($1) ORDER BY ${p.column('caseId')} ASC, ${p.column('openedAt')} ASC, ${p.column('id')} ASC`,
      [[...caseIds]],
    );
  }

  /** Newest first, bounded by the caller's page size. */
  newest(limit: number): Promise<ProsecutionEntity[]> {
    return this.dataSource
      .getRepository(ProsecutionEntity)
      .createQueryBuilder('p')
      .comment('prosecution.newest')
      .orderBy('p.openedAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** A page, newest first, after a keyset position (opening time, then id). */
  page(after: Position | null, limit: number): Promise<ProsecutionEntity[]> {
    const query = this.dataSource.getRepository(ProsecutionEntity).createQueryBuilder('p').comment('prosecution.page');
    if (after) query.where('(p.openedAt, p.id) < (:afterAt, :afterId)', { afterAt: after.sortKey, afterId: after.id });
    return query.orderBy('p.openedAt', 'DESC').addOrderBy('p.id', 'DESC').limit(limit).getMany();
  }

  /** Every prosecution: what `page` lists, all pages together. */
  count(): Promise<number> {
    return this.dataSource.getRepository(ProsecutionEntity).createQueryBuilder('p').comment('prosecution.count').getCount();
  }

  /**
   * Serialises, until the transaction ends, the writes that must see a case's prosecutions as they
   * stand (one set of proceedings per case): a transaction-scoped advisory lock on the case id.
   */
  async lockCase(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query('/* prosecution.lockCase */ SELECT pg_advisory_xact_lock(hashtext($1))', [caseId]);
  }
}
