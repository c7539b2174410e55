import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

@Entity('operations')
export class OperationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column({ type: 'text', name: 'coordinating_body' }) coordinatingBody: string;
  @Column({ type: 'text', array: true }) countries: string[];
  @Column({ type: 'date', name: 'started_on' }) startedOn: string;
  @Column({ type: 'date', name: 'ended_on', nullable: true }) endedOn: string | null;
  @VersionColumn() version: number;
}
