import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { selectWhereIn } from '../../shared/store.js';
import { MigrantIdentityEntity } from './identity.entity.js';

export class MigrantIdentityStore {
  constructor(private readonly dataSource: DataSource) {}

  byMigrantIds(migrantIds: readonly string[]): Promise<MigrantIdentityEntity[]> {
    return selectWhereIn(this.dataSource, MigrantIdentityEntity, 'identity.byMigrantIds', 'migrantId', migrantIds);
  }

  async insert(manager: EntityManager, values: QueryDeepPartialEntity<MigrantIdentityEntity>): Promise<void> {
    await manager.createQueryBuilder().insert().into(MigrantIdentityEntity).values(values).comment('identity.insert').execute();
  }
}
