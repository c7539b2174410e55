import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { ScreeningEntity } from './screening.entity.js';

export class ScreeningStore extends RecordStore<ScreeningEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ScreeningEntity, 'screening');
  }

  byMigrantIds(migrantIds: readonly string[]): Promise<ScreeningEntity[]> {
    return selectWhereIn(this.dataSource, ScreeningEntity, 'screening.byMigrantIds', 'migrantId', migrantIds, {
      property: 'screenedAt',
      direction: 'ASC',
    });
  }
}
