import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Aggravation, Offence } from '../../shared/offence.js';
import type { CaseStatus } from '../enums.js';

@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') reference: string;
  @Column('text') status: CaseStatus;
  @Column({ type: 'char', length: 3, name: 'lead_country' }) leadCountry: string;
  @Column({ type: 'timestamptz', name: 'opened_at' }) openedAt: Date;
  @Column({ type: 'text', array: true }) offences: Offence[];
  @Column({ type: 'text', array: true }) aggravations: Aggravation[];
  @Column('text') summary: string;
  @Column({ type: 'uuid', name: 'network_id', nullable: true }) networkId: string | null;
  @Column({ type: 'uuid', name: 'operation_id', nullable: true }) operationId: string | null;
  @VersionColumn() version: number;
}
