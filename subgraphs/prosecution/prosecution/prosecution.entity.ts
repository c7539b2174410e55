import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { ProsecutionStage, ProsecutorNetwork } from '../enums.js';

@Entity('prosecutions')
export class ProsecutionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The police case prosecuted (owned by the police subgraph; no foreign key across databases). */
  @Column({ type: 'uuid', name: 'case_id' }) caseId: string;
  @Column('text') stage: ProsecutionStage;
  @Column({ type: 'char', length: 3 }) jurisdiction: string;
  @Column({ type: 'text', name: 'prosecutor_office' }) prosecutorOffice: string;
  @Column('text') network: ProsecutorNetwork;
  @Column({ type: 'timestamptz', name: 'opened_at' }) openedAt: Date;
  @VersionColumn() version: number;
}
