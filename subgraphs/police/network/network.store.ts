import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { SmugglingNetworkEntity } from './network.entity.js';

export class SmugglingNetworkStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<SmugglingNetworkEntity[]> {
    return selectWhereIn(this.dataSource, SmugglingNetworkEntity, 'network.byIds', 'id', ids);
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
