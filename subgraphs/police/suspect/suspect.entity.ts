import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { SuspectRole } from '../enums.js';

@Entity('suspects')
export class SuspectEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @Column({ type: 'uuid', name: 'network_id', nullable: true }) networkId: string | null;
  /** The person of interest the suspect is (across cases); set at addSuspect, confirmed with linkSuspectToPerson. */
  @Column({ type: 'uuid', name: 'person_id', nullable: true }) personId: string | null;
  @Column('text') alias: string;
  @Column({ type: 'char', length: 3, nullable: true }) nationality: string | null;
  @Column('text') role: SuspectRole;
  @VersionColumn() version: number;
}
