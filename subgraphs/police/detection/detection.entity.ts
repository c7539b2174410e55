import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { DetectionOutcome } from '../enums.js';

@Entity('detections')
export class DetectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @Column({ type: 'uuid', name: 'vessel_id', nullable: true }) vesselId: string | null;
  @Column({ type: 'uuid', name: 'operation_id', nullable: true }) operationId: string | null;
  @Column({ type: 'timestamptz', name: 'detected_at' }) detectedAt: Date;
  @Column({ type: 'text', name: 'sea_area' }) seaArea: string;
  @Column('double precision') latitude: number;
  @Column('double precision') longitude: number;
  @Column({ type: 'char', length: 3, name: 'detecting_country' }) detectingCountry: string;
  @Column('text') outcome: DetectionOutcome;
  @Column({ type: 'integer', name: 'persons_on_board' }) personsOnBoard: number;
  @Column('integer') deaths: number;
  @Column('integer') missing: number;
  @VersionColumn() version: number;
}
