import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { ChargeEntity } from './charge.entity.js';

export class ChargeStore {
  constructor(private readonly dataSource: DataSource) {}

  byDefendantIds(defendantIds: readonly string[]): Promise<ChargeEntity[]> {
    return selectWhereIn(this.dataSource, ChargeEntity, 'charge.byDefendantIds', 'defendantId', defendantIds, {
      property: 'filedAt',
      direction: 'ASC',
    });
  }
}
