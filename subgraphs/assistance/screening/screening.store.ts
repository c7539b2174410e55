import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { ScreeningEntity } from './screening.entity.js';

export class ScreeningStore {
  constructor(private readonly dataSource: DataSource) {}

  byMigrantIds(migrantIds: readonly string[]): Promise<ScreeningEntity[]> {
    return selectWhereIn(this.dataSource, ScreeningEntity, 'screening.byMigrantIds', 'migrantId', migrantIds, {
      property: 'screenedAt',
      direction: 'ASC',
    });
  }
}
