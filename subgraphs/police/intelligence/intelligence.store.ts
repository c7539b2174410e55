import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { IntelligenceItemEntity } from './intelligence.entity.js';

export class IntelligenceStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<IntelligenceItemEntity[]> {
    return selectWhereIn(this.dataSource, IntelligenceItemEntity, 'intelligence.byIds', 'id', ids);
  }

  byCaseIds(caseIds: readonly string[]): Promise<IntelligenceItemEntity[]> {
    return selectWhereIn(this.dataSource, IntelligenceItemEntity, 'intelligence.byCaseIds', 'caseId', caseIds, {
      property: 'sharedAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<IntelligenceItemEntity>): Promise<string> {
    return insertRow(manager, IntelligenceItemEntity, 'intelligence.insert', values);
  }
}
