import type { DataSource } from 'typeorm';
import { RecordStore } from '../../shared/store.js';
import { VesselEntity } from './vessel.entity.js';

export class VesselStore extends RecordStore<VesselEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, VesselEntity, 'vessel');
  }
}
