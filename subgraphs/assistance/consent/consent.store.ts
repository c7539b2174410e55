import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { ConsentEntity } from './consent.entity.js';

export class ConsentStore extends RecordStore<ConsentEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ConsentEntity, 'consent');
  }

  byMigrantIds(migrantIds: readonly string[]): Promise<ConsentEntity[]> {
    return selectWhereIn(this.dataSource, ConsentEntity, 'consent.byMigrantIds', 'migrantId', migrantIds, {
      property: 'givenAt',
      direction: 'ASC',
    });
  }
}
