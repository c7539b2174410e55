import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { VesselEntity } from './vessel.entity.js';

export class VesselStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<VesselEntity[]> {
    return selectWhereIn(this.dataSource, VesselEntity, 'vessel.byIds', 'id', ids);
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<VesselEntity>): Promise<string> {
    return insertRow(manager, VesselEntity, 'vessel.insert', values);
  }
}
