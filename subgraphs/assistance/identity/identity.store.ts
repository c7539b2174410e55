import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { assertAttributed, recordWrite } from '../../shared/access-log/write-log.js';
import { selectWhereIn } from '../../shared/store.js';
import { MigrantIdentityEntity } from './identity.entity.js';

export class MigrantIdentityStore {
  constructor(private readonly dataSource: DataSource) {}

  byMigrantIds(migrantIds: readonly string[]): Promise<MigrantIdentityEntity[]> {
    return selectWhereIn(this.dataSource, MigrantIdentityEntity, 'identity.byMigrantIds', 'migrantId', migrantIds);
  }

  async insert(manager: EntityManager, values: QueryDeepPartialEntity<MigrantIdentityEntity>): Promise<void> {
    assertAttributed(manager, MigrantIdentityEntity);
    await manager.createQueryBuilder().insert().into(MigrantIdentityEntity).values(values).comment('identity.insert').execute();
    // Keyed by the migrant: the auditor's "who changed this migrant" finds it under the migrant's id.
    recordWrite(
      manager,
      MigrantIdentityEntity,
      String(values.migrantId),
      Object.keys(values).filter((field) => field !== 'migrantId'),
    );
  }
}
