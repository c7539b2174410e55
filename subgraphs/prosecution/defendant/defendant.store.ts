import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { DefendantEntity } from './defendant.entity.js';

export class DefendantStore {
  constructor(private readonly dataSource: DataSource) {}

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<DefendantEntity[]> {
    return selectWhereIn(this.dataSource, DefendantEntity, 'defendant.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<DefendantEntity>): Promise<string> {
    return insertRow(manager, DefendantEntity, 'defendant.insert', values);
  }

  byIds(ids: readonly string[]): Promise<DefendantEntity[]> {
    return selectWhereIn(this.dataSource, DefendantEntity, 'defendant.byIds', 'id', ids);
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
