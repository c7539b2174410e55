import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
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
}
