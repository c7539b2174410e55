import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The migrants rescued at one detection are looked up by it (found by test/integration/indexes.test.ts). */
export class AssistanceReferenceIndexes1764600000001 implements MigrationInterface {
  name = 'AssistanceReferenceIndexes1764600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX IF NOT EXISTS migrants_detection_id ON migrants (detection_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS migrants_detection_id');
  }
}
