import type { DataSource } from 'typeorm';
import { selectWhereIn } from '../../shared/store.js';
import { VesselEntity } from './vessel.entity.js';

export class VesselStore {
  constructor(private readonly dataSource: DataSource) {}

  byIds(ids: readonly string[]): Promise<VesselEntity[]> {
    return selectWhereIn(this.dataSource, VesselEntity, 'vessel.byIds', 'id', ids);
  }
}
