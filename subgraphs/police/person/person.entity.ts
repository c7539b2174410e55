import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/**
 * A person of interest: known to police across cases, through the suspects that point to it. Its
 * phone numbers and documents live in `person_phones` and `person_documents` (see the store).
 */
@Entity('persons')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** The bureau that recorded the person. */
  @Column({ type: 'char', length: 3, name: 'owner_country' }) ownerCountry: string;
  @Column({ type: 'char', length: 3, nullable: true }) nationality: string | null;
  @Column({ type: 'int', name: 'year_of_birth', nullable: true }) yearOfBirth: number | null;
  @Column({ type: 'text', array: true }) aliases: string[];
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @VersionColumn() version: number;
}
