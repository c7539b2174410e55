import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { ConsentEntity } from './consent.entity.js';

export class ConsentStore {
  constructor(private readonly dataSource: DataSource) {}

  byMigrantIds(migrantIds: readonly string[]): Promise<ConsentEntity[]> {
    return selectWhereIn(this.dataSource, ConsentEntity, 'consent.byMigrantIds', 'migrantId', migrantIds, {
      property: 'givenAt',
      direction: 'ASC',
    });
  }
}
