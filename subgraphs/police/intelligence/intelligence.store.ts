import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { IntelligenceItemEntity } from './intelligence.entity.js';

export class IntelligenceStore {
  constructor(private readonly dataSource: DataSource) {}

  byCaseIds(caseIds: readonly string[]): Promise<IntelligenceItemEntity[]> {
    return selectWhereIn(this.dataSource, IntelligenceItemEntity, 'intelligence.byCaseIds', 'caseId', caseIds, {
      property: 'sharedAt',
      direction: 'ASC',
    });
  }
}
