import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Offence } from '../../shared/offence.js';
import type { LegalBasis, Verdict } from '../enums.js';

@Entity('charges')
export class ChargeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'defendant_id' }) defendantId: string;
  @Column('text') offence: Offence;
  @Column({ type: 'text', name: 'legal_basis' }) legalBasis: LegalBasis;
  @Column('text') verdict: Verdict;
  @Column({ type: 'integer', name: 'sentence_months', nullable: true }) sentenceMonths: number | null;
  @Column({ type: 'timestamptz', name: 'filed_at' }) filedAt: Date;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @VersionColumn() version: number;
}
