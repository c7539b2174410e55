import type { DataSource } from 'typeorm';
import { RecordReader } from '../../shared/store.js';
import { SmugglingNetworkEntity } from './network.entity.js';

export class SmugglingNetworkStore extends RecordReader<SmugglingNetworkEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, SmugglingNetworkEntity, 'network');
  }

  all(): Promise<SmugglingNetworkEntity[]> {
    return this.dataSource
      .getRepository(SmugglingNetworkEntity)
      .createQueryBuilder('n')
      .comment('network.all')
      .orderBy('n.name', 'ASC')
      .getMany();
  }
}
