import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { AssistanceEntity } from './assistance.entity.js';

export class AssistanceStore {
  constructor(private readonly dataSource: DataSource) {}

  byMigrantIds(migrantIds: readonly string[]): Promise<AssistanceEntity[]> {
    return selectWhereIn(this.dataSource, AssistanceEntity, 'assistance.byMigrantIds', 'migrantId', migrantIds, {
      property: 'startedAt',
      direction: 'ASC',
    });
  }
}
