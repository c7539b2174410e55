import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { MigrantIdentityEntity } from './identity.entity.js';

export class MigrantIdentityStore {
  constructor(private readonly dataSource: DataSource) {}

  byMigrantIds(migrantIds: readonly string[]): Promise<MigrantIdentityEntity[]> {
    return selectWhereIn(this.dataSource, MigrantIdentityEntity, 'identity.byMigrantIds', 'migrantId', migrantIds);
  }
}
