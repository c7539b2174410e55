import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { WitnessEntity } from './witness.entity.js';

export class WitnessStore {
  constructor(private readonly dataSource: DataSource) {}

  byProsecutionIds(prosecutionIds: readonly string[]): Promise<WitnessEntity[]> {
    return selectWhereIn(this.dataSource, WitnessEntity, 'witness.byProsecutionIds', 'prosecutionId', prosecutionIds, {
      property: 'createdAt',
      direction: 'ASC',
    });
  }
}
