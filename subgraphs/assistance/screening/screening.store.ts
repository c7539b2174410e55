import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { ScreeningEntity } from './screening.entity.js';

export class ScreeningStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<ScreeningEntity[]> {
    return selectWhereIn(this.dataSource, ScreeningEntity, 'screening.byIds', 'id', ids);
  }

  byMigrantIds(migrantIds: readonly string[]): Promise<ScreeningEntity[]> {
    return selectWhereIn(this.dataSource, ScreeningEntity, 'screening.byMigrantIds', 'migrantId', migrantIds, {
      property: 'screenedAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<ScreeningEntity>): Promise<string> {
    return insertRow(manager, ScreeningEntity, 'screening.insert', values);
  }
}
