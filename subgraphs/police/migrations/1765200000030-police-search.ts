import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What `search` needs of PostgreSQL's own tools (both extensions ship with PostgreSQL: the embedded
 * 17 of the tests and a server's 15 alike). `unaccent` is only STABLE (its dictionary could change),
 * so an index cannot use it: `tidelink_unaccent` pins the dictionary and is declared IMMUTABLE, which
 * holds as long as nobody edits unaccent.rules (rebuild these indexes if anyone does).
 *
 * Indexes, all on the unaccented text so "samana" finds "Samaná": trigram GIN indexes on the short
 * texts searched by similarity (case reference, detection sea area, vessel name, suspect alias,
 * network name), and a full-text GIN index over the case summary with the 'simple' configuration
 * (no stemming: summaries mix English, Spanish, French and Creole place names).
 */
export class PoliceSearch1765200000030 implements MigrationInterface {
  name = 'PoliceSearch1765200000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS unaccent;
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE OR REPLACE FUNCTION tidelink_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
      CREATE INDEX cases_reference_search ON cases USING GIN (tidelink_unaccent(reference) gin_trgm_ops);
      CREATE INDEX cases_summary_search ON cases USING GIN (to_tsvector('simple'::regconfig, tidelink_unaccent(summary)));
      CREATE INDEX detections_sea_area_search ON detections USING GIN (tidelink_unaccent(sea_area) gin_trgm_ops);
      CREATE INDEX vessels_name_search ON vessels USING GIN (tidelink_unaccent(name) gin_trgm_ops);
      CREATE INDEX suspects_alias_search ON suspects USING GIN (tidelink_unaccent(alias) gin_trgm_ops);
      CREATE INDEX smuggling_networks_name_search ON smuggling_networks USING GIN (tidelink_unaccent(name) gin_trgm_ops);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The extensions stay: other migrations (persons of interest) may use them too.
    await queryRunner.query(`
      DROP INDEX smuggling_networks_name_search; DROP INDEX suspects_alias_search; DROP INDEX vessels_name_search;
      DROP INDEX detections_sea_area_search; DROP INDEX cases_summary_search; DROP INDEX cases_reference_search;
      DROP FUNCTION tidelink_unaccent(text);
    `);
  }
}
