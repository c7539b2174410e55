import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { insertRow, selectWhereIn } from '../../shared/store.js';
import { WitnessEntity } from './witness.entity.js';

export class WitnessStore {
  constructor(private readonly dataSource: DataSource) {}

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<WitnessEntity[]> {
    return selectWhereIn(this.dataSource, WitnessEntity, 'witness.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }

  insert(manager: EntityManager, values: QueryDeepPartialEntity<WitnessEntity>): Promise<string> {
    return insertRow(manager, WitnessEntity, 'witness.insert', values);
  }

  byIds(ids: readonly string[]): Promise<WitnessEntity[]> {
    return selectWhereIn(this.dataSource, WitnessEntity, 'witness.byIds', 'id', ids);
  }

  exists(manager: EntityManager, prosecutionId: string, migrantId: string): Promise<boolean> {
    return manager
      .getRepository(WitnessEntity)
      .createQueryBuilder('row')
      .comment('witness.exists')
      .where('row.prosecutionId = :prosecutionId AND row.migrantId = :migrantId', { prosecutionId, migrantId })
      .getExists();
  }
}
