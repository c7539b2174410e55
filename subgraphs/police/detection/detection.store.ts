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

  /** Every detection of these vessels, oldest first (through detections_vessel_case). */
  byVesselIds(vesselIds: readonly string[]): Promise<DetectionEntity[]> {
    return selectWhereIn(this.dataSource, DetectionEntity, 'detection.byVesselIds', 'vesselId', vesselIds, {
      property: 'detectedAt',
      direction: 'ASC',
    });
  }
}
