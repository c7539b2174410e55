import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { AssistanceStatus, AssistanceType } from '../enums.js';

@Entity('assistance_records')
export class AssistanceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'migrant_id' }) migrantId: string;
  @Column('text') type: AssistanceType;
  @Column('text') status: AssistanceStatus;
  @Column('text') provider: string;
  @Column({ type: 'timestamptz', name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true }) completedAt: Date | null;
  @VersionColumn() version: number;
}
