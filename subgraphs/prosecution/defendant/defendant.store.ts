import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { DefendantEntity } from './defendant.entity.js';

export class DefendantStore {
  constructor(private readonly dataSource: DataSource) {}

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<DefendantEntity[]> {
    return selectWhereIn(this.dataSource, DefendantEntity, 'defendant.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }
}
