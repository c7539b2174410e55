import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Liability } from '../enums.js';

@Entity('defendants')
export class DefendantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'prosecution_id' }) prosecutionId: string;
  /** The police suspect who stands trial (owned by the police subgraph). */
  @Column({ type: 'uuid', name: 'suspect_id' }) suspectId: string;
  @Column('text') liability: Liability;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @VersionColumn() version: number;
}
