import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { DetectionEntity } from './detection.entity.js';

export class DetectionStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<DetectionEntity[]> {
    return selectWhereIn(this.dataSource, DetectionEntity, 'detection.byIds', 'id', ids);
  }

  byCaseIds(caseIds: readonly string[]): Promise<DetectionEntity[]> {
    return selectWhereIn(this.dataSource, DetectionEntity, 'detection.byCaseIds', 'caseId', caseIds, {
      property: 'detectedAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<DetectionEntity>): Promise<string> {
    return insertRow(manager, DetectionEntity, 'detection.insert', values);
  }
}
