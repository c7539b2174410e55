import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes on the reference columns the initial schema left bare (found by the index check in
 * test/integration/indexes.test.ts): networks and operations list their cases and detections, a
 * vessel its detections, and a parent row's delete checks its foreign keys through them.
 */
export class PoliceReferenceIndexes1764600000000 implements MigrationInterface {
  name = 'PoliceReferenceIndexes1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS cases_network_id ON cases (network_id);
      CREATE INDEX IF NOT EXISTS cases_operation_id ON cases (operation_id);
      CREATE INDEX IF NOT EXISTS detections_operation_id ON detections (operation_id);
      CREATE INDEX IF NOT EXISTS detections_vessel_id ON detections (vessel_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS detections_vessel_id;
      DROP INDEX IF EXISTS detections_operation_id;
      DROP INDEX IF EXISTS cases_operation_id;
      DROP INDEX IF EXISTS cases_network_id;
    `);
  }
}
