import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { ChargeEntity } from './charge.entity.js';

export class ChargeStore {
  constructor(private readonly dataSource: DataSource) {}

  byDefendantIds(defendantIds: readonly string[]): Promise<ChargeEntity[]> {
    return selectWhereIn(this.dataSource, ChargeEntity, 'charge.byDefendantIds', 'defendantId', defendantIds, {
      property: 'filedAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<ChargeEntity>): Promise<string> {
    return insertRow(manager, ChargeEntity, 'charge.insert', values);
  }

  byIds(ids: readonly string[]): Promise<ChargeEntity[]> {
    return selectWhereIn(this.dataSource, ChargeEntity, 'charge.byIds', 'id', ids);
  }
}
