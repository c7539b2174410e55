import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Agency } from '../../../platform/auth.js';
import type { DenialReason } from '../../../platform/errors.js';

/** Whether a gated read was served (a write is always ALLOWED), and whether an entry is a read or a write. */
export const ACCESS_DECISIONS = ['ALLOWED', 'DENIED'] as const;
export type LoggedDecision = (typeof ACCESS_DECISIONS)[number];
export const ACCESS_KINDS = ['READ', 'WRITE'] as const;
export type LoggedKind = (typeof ACCESS_KINDS)[number];

@Entity('access_log')
export class AccessLogEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('timestamptz') at: Date;
  @Column('text') actor: string;
  @Column('text') agency: Agency;
  @Column({ type: 'char', length: 3 }) country: string;
  @Column({ type: 'text', name: 'entity_type' }) entityType: string;
  @Column({ type: 'uuid', name: 'entity_id' }) entityId: string;
  @Column({ type: 'text', array: true }) fields: string[];
  @Column('text') decision: LoggedDecision;
  @Column({ type: 'text', nullable: true }) reason: DenialReason | null;
  @Column({ type: 'text', name: 'operation_name', nullable: true }) operationName: string | null;
  @Column('text') kind: LoggedKind;
  @Column({ type: 'text', nullable: true }) operation: string | null;
  @Column({ type: 'text', name: 'request_id', nullable: true }) requestId: string | null;
}
