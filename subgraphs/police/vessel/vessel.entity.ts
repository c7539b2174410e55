import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { BoardingAuthorization, RegistryStatus, VesselType } from '../enums.js';

@Entity('vessels')
export class VesselEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column('text') type: VesselType;
  @Column({ type: 'char', length: 3, name: 'flag_state', nullable: true }) flagState: string | null;
  @Column({ type: 'text', name: 'registry_status' }) registryStatus: RegistryStatus;
  @Column({ type: 'text', name: 'boarding_authorization' }) boardingAuthorization: BoardingAuthorization;
  /** The IMO number's seven digits (check digit valid). */
  @Column({ type: 'char', length: 7, nullable: true }) imo: string | null;
  @Column({ type: 'char', length: 9, nullable: true }) mmsi: string | null;
  /** National registration number, issued by `flagState`. */
  @Column({ type: 'text', nullable: true }) registration: string | null;
  @Column({ type: 'text', name: 'hull_description', nullable: true }) hullDescription: string | null;
  @VersionColumn() version: number;
}
