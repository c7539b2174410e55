import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { SuspectEntity } from './suspect.entity.js';

export class SuspectStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<SuspectEntity[]> {
    return selectWhereIn(this.dataSource, SuspectEntity, 'suspect.byIds', 'id', ids);
  }

  byCaseIds(caseIds: readonly string[]): Promise<SuspectEntity[]> {
    return selectWhereIn(this.dataSource, SuspectEntity, 'suspect.byCaseIds', 'caseId', caseIds, {
      property: 'alias',
      direction: 'ASC',
    });
  }

  byNetworkIds(networkIds: readonly string[]): Promise<SuspectEntity[]> {
    return selectWhereIn(this.dataSource, SuspectEntity, 'suspect.byNetworkIds', 'networkId', networkIds, {
      property: 'alias',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<SuspectEntity>): Promise<string> {
    return insertRow(manager, SuspectEntity, 'suspect.insert', values);
  }
}
