import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { IntelligenceItemEntity } from './intelligence.entity.js';

export class IntelligenceStore extends RecordStore<IntelligenceItemEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, IntelligenceItemEntity, 'intelligence');
  }

  byCaseIds(caseIds: readonly string[]): Promise<IntelligenceItemEntity[]> {
    return selectWhereIn(this.dataSource, IntelligenceItemEntity, 'intelligence.byCaseIds', 'caseId', caseIds, {
      property: 'sharedAt',
      direction: 'ASC',
    });
  }
}
