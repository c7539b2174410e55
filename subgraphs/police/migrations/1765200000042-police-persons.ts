import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Persons of interest: a suspect of a case points to a person known to police across cases, with
 * the identifiers that match exactly (E.164 phone numbers, travel documents by issuing country) and
 * the aliases that match by similarity. unaccent and pg_trgm ship with PostgreSQL's contrib (the
 * embedded PostgreSQL 17 binaries as much as a server's); unaccent() is only STABLE (its dictionary
 * could change), so aliases are indexed through IMMUTABLE wrappers that name the dictionary.
 */
export class PolicePersons1765200000042 implements MigrationInterface {
  name = 'PolicePersons1765200000042';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      -- An alias as it is compared: lower case, without diacritics ("El Capitán" → "el capitan").
      CREATE FUNCTION person_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
      -- All of a person's aliases in one folded text, for the trigram index.
      CREATE FUNCTION person_fold_aliases(text[]) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, array_to_string($1, ' | '))) $$;

      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The bureau that recorded the person (the owner of the case it was first a suspect in).
        owner_country char(3) NOT NULL,
        nationality char(3),
        year_of_birth int CHECK (year_of_birth BETWEEN 1900 AND 2100),
        aliases text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      );
      CREATE INDEX persons_aliases_trgm ON persons USING GIN (person_fold_aliases(aliases) gin_trgm_ops);

      CREATE TABLE person_phones (
        person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        e164 text NOT NULL CHECK (e164 ~ '^\\+[1-9][0-9]{6,14}$'),
        PRIMARY KEY (person_id, e164)
      );
      CREATE INDEX person_phones_e164 ON person_phones (e164);

      CREATE TABLE person_documents (
        person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('PASSPORT','NATIONAL_ID','SEAMAN_BOOK')),
        -- Normalised: upper case, no spaces.
        number text NOT NULL CHECK (number = upper(number) AND number !~ '\\s'),
        issuing_country char(3) NOT NULL,
        UNIQUE (issuing_country, kind, number)
      );
      CREATE INDEX person_documents_person ON person_documents (person_id);

      -- Exact identifiers of a new person that pointed to persons it was not linked to (two persons
      -- at once: nothing merges silently), kept as candidates for an officer to confirm.
      CREATE TABLE person_matches (
        person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        candidate_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        matched text NOT NULL CHECK (matched IN ('PHONE','DOCUMENT')),
        PRIMARY KEY (person_id, candidate_id, matched),
        CHECK (person_id <> candidate_id)
      );
      -- Deleting a person (merged into another) removes the matches that name it as a candidate.
      CREATE INDEX person_matches_candidate ON person_matches (candidate_id);

      ALTER TABLE suspects ADD COLUMN person_id uuid REFERENCES persons(id);
      CREATE INDEX suspects_person ON suspects (person_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX suspects_person;
      ALTER TABLE suspects DROP COLUMN person_id;
      DROP TABLE person_matches; DROP TABLE person_documents; DROP TABLE person_phones; DROP TABLE persons;
      DROP FUNCTION person_fold_aliases(text[]); DROP FUNCTION person_fold(text);
    `);
  }
}
