import type { DataSource } from 'typeorm';
import { RecordReader } from '../../shared/store.js';
import { OperationEntity } from './operation.entity.js';

export class OperationStore extends RecordReader<OperationEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, OperationEntity, 'operation');
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
