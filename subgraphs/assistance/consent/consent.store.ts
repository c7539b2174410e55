import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { ConsentEntity } from './consent.entity.js';

export class ConsentStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<ConsentEntity[]> {
    return selectWhereIn(this.dataSource, ConsentEntity, 'consent.byIds', 'id', ids);
  }

  byMigrantIds(migrantIds: readonly string[]): Promise<ConsentEntity[]> {
    return selectWhereIn(this.dataSource, ConsentEntity, 'consent.byMigrantIds', 'migrantId', migrantIds, {
      property: 'givenAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<ConsentEntity>): Promise<string> {
    return insertRow(manager, ConsentEntity, 'consent.insert', values);
  }
}
