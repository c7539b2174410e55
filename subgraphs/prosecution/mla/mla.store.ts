import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { MlaRequestEntity } from './mla.entity.js';

export class MlaRequestStore {
  constructor(private readonly dataSource: DataSource) {}

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<MlaRequestEntity[]> {
    return selectWhereIn(this.dataSource, MlaRequestEntity, 'mla.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<MlaRequestEntity>): Promise<string> {
    return insertRow(manager, MlaRequestEntity, 'mla.insert', values);
  }

  byIds(ids: readonly string[]): Promise<MlaRequestEntity[]> {
    return selectWhereIn(this.dataSource, MlaRequestEntity, 'mla.byIds', 'id', ids);
  }
}
