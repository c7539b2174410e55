import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What `search` needs to find persons of interest and vessels by their identifiers. Aliases are
 * found through the persons' existing trigram index (persons_aliases_trgm, on the folded aliases);
 * phone numbers through person_phones_e164, IMO numbers and MMSIs through the vessels' unique
 * indexes. What had no index of its own: a document by its number alone (the unique index leads
 * with the issuing country), and a registration by its normalised form (upper case, letters and
 * digits only: "hig 0457" finds HIG-0457), whatever its flag.
 */
export class PoliceSearchIdentifiers1765300000060 implements MigrationInterface {
  name = 'PoliceSearchIdentifiers1765300000060';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX person_documents_number ON person_documents (number);
      CREATE INDEX vessels_registration_search ON vessels (upper(regexp_replace(registration, '[^A-Za-z0-9]', '', 'g')))
        WHERE registration IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX vessels_registration_search; DROP INDEX person_documents_number;`);
  }
}
