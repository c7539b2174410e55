import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { OperationEntity } from './operation.entity.js';

export class OperationStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<OperationEntity[]> {
    return selectWhereIn(this.dataSource, OperationEntity, 'operation.byIds', 'id', ids);
  }

  all(): Promise<OperationEntity[]> {
    return this.dataSource
      .getRepository(OperationEntity)
      .createQueryBuilder('o')
      .comment('operation.all')
      .orderBy('o.started_on', 'DESC')
      .getMany();
  }
}
