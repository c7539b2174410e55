import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { MigrantEntity } from './migrant.entity.js';

export class MigrantStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<MigrantEntity[]> {
    return selectWhereIn(this.dataSource, MigrantEntity, 'migrant.byIds', 'id', ids);
  }

  byCaseIds(caseIds: readonly string[]): Promise<MigrantEntity[]> {
    return selectWhereIn(this.dataSource, MigrantEntity, 'migrant.byCaseIds', 'caseId', caseIds, {
      property: 'code',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<MigrantEntity>): Promise<string> {
    return insertRow(manager, MigrantEntity, 'migrant.insert', values);
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
