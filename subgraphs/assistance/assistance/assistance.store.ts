import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { AssistanceEntity } from './assistance.entity.js';

export class AssistanceStore extends RecordStore<AssistanceEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, AssistanceEntity, 'assistance');
  }

  byMigrantIds(migrantIds: readonly string[]): Promise<AssistanceEntity[]> {
    return selectWhereIn(this.dataSource, AssistanceEntity, 'assistance.byMigrantIds', 'migrantId', migrantIds, {
      property: 'startedAt',
      direction: 'ASC',
    });
  }
}
