import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

@Entity('smuggling_networks')
export class SmugglingNetworkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column({ type: 'text', name: 'modus_operandi' }) modusOperandi: string;
  @Column({ type: 'text', array: true, name: 'active_countries' }) activeCountries: string[];
  @VersionColumn() version: number;
}
