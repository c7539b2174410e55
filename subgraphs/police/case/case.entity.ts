import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Aggravation, Offence } from '../../shared/offence.js';
import type { CaseStatus, SharingScope } from '../enums.js';

@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') reference: string;
  @Column('text') status: CaseStatus;
  @Column({ type: 'char', length: 3, name: 'lead_country' }) leadCountry: string;
  /** The bureau that recorded the case: it alone sets the sharing scope and changes the case. */
  @Column({ type: 'char', length: 3, name: 'owner_country' }) ownerCountry: string;
  @Column({ type: 'text', name: 'sharing_scope' }) sharingScope: SharingScope;
  /** The countries the owner names (NAMED only). */
  @Column({ type: 'char', length: 3, array: true, name: 'named_countries' }) namedCountries: string[];
  /** Materialised from the scope on every write that changes it, so lists filter in SQL (ALL: every country). */
  @Column({ type: 'char', length: 3, array: true, name: 'releasable_to' }) releasableTo: string[];
  @Column({ type: 'timestamptz', name: 'opened_at' }) openedAt: Date;
  @Column({ type: 'text', array: true }) offences: Offence[];
  @Column({ type: 'text', array: true }) aggravations: Aggravation[];
  @Column('text') summary: string;
  @Column({ type: 'uuid', name: 'network_id', nullable: true }) networkId: string | null;
  @Column({ type: 'uuid', name: 'operation_id', nullable: true }) operationId: string | null;
  @VersionColumn() version: number;
}
