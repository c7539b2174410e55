import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The owner decides: every case gets an owning country (backfilled from the lead country, the only
 * bureau known to have recorded it), a sharing scope (INVOLVED by default) and the countries it
 * releases the case to, materialised so lists filter in SQL through a GIN index (ALL through a
 * partial index beside it).
 */
export class PoliceCaseSharing1765000000020 implements MigrationInterface {
  name = 'PoliceCaseSharing1765000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE cases ADD COLUMN owner_country char(3);
      UPDATE cases SET owner_country = lead_country;
      ALTER TABLE cases ALTER COLUMN owner_country SET NOT NULL;
      ALTER TABLE cases ADD COLUMN sharing_scope text NOT NULL DEFAULT 'INVOLVED'
        CHECK (sharing_scope IN ('OWNER','INVOLVED','NAMED','ALL'));
      ALTER TABLE cases ADD COLUMN named_countries char(3)[] NOT NULL DEFAULT '{}';
      ALTER TABLE cases ADD COLUMN releasable_to char(3)[] NOT NULL DEFAULT '{}';
      ALTER TABLE cases ADD CHECK (sharing_scope = 'NAMED' OR named_countries = '{}');
      UPDATE cases c SET releasable_to = ARRAY(
        SELECT DISTINCT country FROM unnest(
          ARRAY[c.owner_country, c.lead_country] || ARRAY(SELECT d.detecting_country FROM detections d WHERE d.case_id = c.id)
        ) AS country ORDER BY country
      );
      -- Lists filter on releasable_to alone: the owner must always be in it.
      ALTER TABLE cases ADD CONSTRAINT cases_owner_releasable CHECK (owner_country = ANY (releasable_to));
      CREATE INDEX cases_releasable_to ON cases USING GIN (releasable_to);
      -- With the GIN index, a BitmapOr answers "released to ALL or to my country" without a scan.
      CREATE INDEX cases_shared_with_all ON cases (id) WHERE sharing_scope = 'ALL';
      CREATE INDEX cases_owner_country ON cases (owner_country);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX cases_owner_country; DROP INDEX cases_shared_with_all; DROP INDEX cases_releasable_to;
      ALTER TABLE cases DROP COLUMN releasable_to, DROP COLUMN named_countries, DROP COLUMN sharing_scope, DROP COLUMN owner_country;
    `);
  }
}
