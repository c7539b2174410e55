import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { TraffickingStatus, Vulnerability } from '../enums.js';

@Entity('screenings')
export class ScreeningEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'migrant_id' }) migrantId: string;
  @Column({ type: 'timestamptz', name: 'screened_at' }) screenedAt: Date;
  @Column({ type: 'text', name: 'screened_by' }) screenedBy: string;
  @Column({ type: 'text', array: true }) vulnerabilities: Vulnerability[];
  @Column({ type: 'text', name: 'trafficking_status' }) traffickingStatus: TraffickingStatus;
  @VersionColumn() version: number;
}
