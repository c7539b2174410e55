import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { DetectionEntity } from './detection.entity.js';

export class DetectionStore extends RecordStore<DetectionEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, DetectionEntity, 'detection');
  }

  byCaseIds(caseIds: readonly string[]): Promise<DetectionEntity[]> {
    return selectWhereIn(this.dataSource, DetectionEntity, 'detection.byCaseIds', 'caseId', caseIds, {
      property: 'detectedAt',
      direction: 'ASC',
    });
  }
}
