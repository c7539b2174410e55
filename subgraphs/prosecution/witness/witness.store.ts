import type { DataSource, EntityManager } from 'typeorm';
import { RecordStore, selectWhereIn } from '../../shared/store.js';
import { WitnessEntity } from './witness.entity.js';

export class WitnessStore extends RecordStore<WitnessEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, WitnessEntity, 'witness');
  }

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<WitnessEntity[]> {
    return selectWhereIn(this.dataSource, WitnessEntity, 'witness.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
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
