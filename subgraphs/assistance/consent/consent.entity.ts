import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { ConsentScope } from '../enums.js';

@Entity('consents')
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'migrant_id' }) migrantId: string;
  @Column('text') scope: ConsentScope;
  @Column('text') recipient: string;
  @Column('text') purpose: string;
  @Column({ type: 'timestamptz', name: 'given_at' }) givenAt: Date;
  @Column({ type: 'timestamptz', name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @VersionColumn() version: number;
}
