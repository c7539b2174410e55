import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Aggravation, Offence } from '../../shared/offence.js';

@Entity('case_law')
export class CaseLawEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') citation: string;
  @Column({ type: 'char', length: 3 }) jurisdiction: string;
  @Column('integer') year: number;
  @Column({ type: 'text', array: true }) offences: Offence[];
  @Column({ type: 'text', array: true }) aggravations: Aggravation[];
  @Column({ type: 'boolean', name: 'sea_mode' }) seaMode: boolean;
  @Column('text') holding: string;
  @VersionColumn() version: number;
}

/** The join table linking a prosecution to the case law its prosecutor relies on. */
@Entity('prosecution_case_law')
export class ProsecutionCaseLawEntity {
  @PrimaryColumn({ type: 'uuid', name: 'prosecution_id' }) prosecutionId: string;
  @PrimaryColumn({ type: 'uuid', name: 'case_law_id' }) caseLawId: string;
  /** Filled by the store's join; not a column. */
  caseLaw: CaseLawEntity;
}
