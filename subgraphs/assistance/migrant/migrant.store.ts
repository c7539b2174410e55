import type { DataSource, EntityManager } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { MigrantEntity } from './migrant.entity.js';

export class MigrantStore extends RecordStore<MigrantEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, MigrantEntity, 'migrant');
  }

  byCaseIds(caseIds: readonly string[]): Promise<MigrantEntity[]> {
    return selectWhereIn(this.dataSource, MigrantEntity, 'migrant.byCaseIds', 'caseId', caseIds, {
      property: 'code',
      direction: 'ASC',
    });
  }

  codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return manager
      .getRepository(MigrantEntity)
      .createQueryBuilder('m')
      .comment('migrant.codeTaken')
      .where('m.code = :code', { code })
      .getExists();
  }
}
