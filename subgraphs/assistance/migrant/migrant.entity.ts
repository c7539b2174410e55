import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { AgeGroup, Sex, TraffickingStatus, Vulnerability } from '../enums.js';

/** The pseudonymous migrant record: a code, never a name (the identity lives apart). */
@Entity('migrants')
export class MigrantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @Column({ type: 'uuid', name: 'detection_id', nullable: true }) detectionId: string | null;
  @Column('text') code: string;
  @Column('text') sex: Sex;
  @Column({ type: 'text', name: 'age_group' }) ageGroup: AgeGroup;
  @Column({ type: 'char', length: 3, nullable: true }) nationality: string | null;
  @Column({ type: 'text', array: true }) vulnerabilities: Vulnerability[];
  @Column({ type: 'text', name: 'trafficking_status' }) traffickingStatus: TraffickingStatus;
  @Column({ type: 'timestamptz', name: 'registered_at' }) registeredAt: Date;
  @VersionColumn() version: number;
}
