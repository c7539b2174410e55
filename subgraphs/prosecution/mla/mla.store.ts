import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { MlaRequestEntity } from './mla.entity.js';

export class MlaRequestStore {
  constructor(private readonly dataSource: DataSource) {}

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<MlaRequestEntity[]> {
    return selectWhereIn(this.dataSource, MlaRequestEntity, 'mla.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }
}
