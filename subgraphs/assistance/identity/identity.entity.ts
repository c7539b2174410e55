import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

@Entity('migrant_identities')
export class MigrantIdentityEntity {
  @PrimaryColumn({ type: 'uuid', name: 'migrant_id' }) migrantId: string;
  @Column({ type: 'text', name: 'given_name', nullable: true }) givenName: string | null;
  @Column({ type: 'text', name: 'family_name', nullable: true }) familyName: string | null;
  @Column({ type: 'date', name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @VersionColumn() version: number;
}
