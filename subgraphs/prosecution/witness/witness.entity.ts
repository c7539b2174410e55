import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { WitnessRole } from '../enums.js';

@Entity('witnesses')
export class WitnessEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'prosecution_id' }) prosecutionId: string;
  /** The migrant who testifies (owned by the assistance subgraph). Never a defendant (Art. 5). */
  @Column({ type: 'uuid', name: 'migrant_id' }) migrantId: string;
  @Column('text') role: WitnessRole;
  @Column({ type: 'text', array: true, name: 'protective_measures' }) protectiveMeasures: string[];
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @VersionColumn() version: number;
}
