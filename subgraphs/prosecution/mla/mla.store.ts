import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { MlaRequestEntity } from './mla.entity.js';

export class MlaRequestStore extends RecordStore<MlaRequestEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, MlaRequestEntity, 'mla');
  }

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<MlaRequestEntity[]> {
    return selectWhereIn(this.dataSource, MlaRequestEntity, 'mla.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }
}
