import type { DataSource } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { ChargeEntity } from './charge.entity.js';

export class ChargeStore extends RecordStore<ChargeEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ChargeEntity, 'charge');
  }

  byDefendantIds(defendantIds: readonly string[]): Promise<ChargeEntity[]> {
    return selectWhereIn(this.dataSource, ChargeEntity, 'charge.byDefendantIds', 'defendantId', defendantIds, {
      property: 'filedAt',
      direction: 'ASC',
    });
  }
}
