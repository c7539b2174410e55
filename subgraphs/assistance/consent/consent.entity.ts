import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Agency } from '../../../platform/auth.js';
import type { ConsentScope } from '../enums.js';

@Entity('consents')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'migrant_id' }) migrantId: string;
  @Column('text') scope: ConsentScope;
  /** The recipient's name as the migrant was told it, e.g. "Policía Nacional". */
  @Column('text') recipient: string;
  /** The agency the consent opens data to; null for a legacy text that could not be parsed (opens nothing). */
  @Column({ type: 'text', name: 'recipient_agency', nullable: true }) recipientAgency: Agency | null;
  /** The one country whose agency it opens data to; null: that agency in any country. */
  @Column({ type: 'char', length: 3, name: 'recipient_country', nullable: true }) recipientCountry: string | null;
  @Column('text') purpose: string;
  @Column({ type: 'timestamptz', name: 'given_at' }) givenAt: Date;
  @Column({ type: 'timestamptz', name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true }) expiresAt: Date | null;
  @VersionColumn() version: number;
}
