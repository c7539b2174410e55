import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MlaStatus, MlaType } from '../enums.js';

@Entity('mla_requests')
export class MlaRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'prosecution_id' }) prosecutionId: string;
  @Column('text') type: MlaType;
  @Column('text') status: MlaStatus;
  @Column({ type: 'char', length: 3, name: 'requesting_country' }) requestingCountry: string;
  @Column({ type: 'char', length: 3, name: 'requested_country' }) requestedCountry: string;
  @Column('text') subject: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
  @VersionColumn() version: number;
}
