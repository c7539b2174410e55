import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Who has seen this migrant?": an auditor may filter the access log by entity id alone, which the
 * (entity_type, entity_id) index cannot serve (found by test/integration/indexes.test.ts).
 */
export class AccessLogEntityIndex1764600000010 implements MigrationInterface {
  name = 'AccessLogEntityIndex1764600000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX IF NOT EXISTS access_log_entity_id ON access_log (entity_id, at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS access_log_entity_id');
  }
}
