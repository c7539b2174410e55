import type { DataSource, EntityManager } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { DefendantEntity } from './defendant.entity.js';

export class DefendantStore extends RecordStore<DefendantEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, DefendantEntity, 'defendant');
  }

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<DefendantEntity[]> {
    return selectWhereIn(this.dataSource, DefendantEntity, 'defendant.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }

  exists(manager: EntityManager, prosecutionId: string, suspectId: string): Promise<boolean> {
    return manager
      .getRepository(DefendantEntity)
      .createQueryBuilder('row')
      .comment('defendant.exists')
      .where('row.prosecutionId = :prosecutionId AND row.suspectId = :suspectId', { prosecutionId, suspectId })
      .getExists();
  }
}
