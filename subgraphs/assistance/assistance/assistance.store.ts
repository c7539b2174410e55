import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { AssistanceEntity } from './assistance.entity.js';

export class AssistanceStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<AssistanceEntity[]> {
    return selectWhereIn(this.dataSource, AssistanceEntity, 'assistance.byIds', 'id', ids);
  }

  byMigrantIds(migrantIds: readonly string[]): Promise<AssistanceEntity[]> {
    return selectWhereIn(this.dataSource, AssistanceEntity, 'assistance.byMigrantIds', 'migrantId', migrantIds, {
      property: 'startedAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<AssistanceEntity>): Promise<string> {
    return insertRow(manager, AssistanceEntity, 'assistance.insert', values);
  }
}
