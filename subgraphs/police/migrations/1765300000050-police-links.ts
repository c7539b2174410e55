import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case links (link.store.ts): every kind but the route already reaches the other cases through an
 * index (detections_vessel_case, suspects_person, person_phones_e164, person_documents' unique
 * (issuing_country, kind, number), cases_network_id, suspects_network_id). A route compares
 * detection positions: a GiST index on point(longitude, latitude) answers the latitude/longitude
 * box around each detection (PostgreSQL's built-in point operators, no extension), and only the
 * detections inside the box get the haversine distance.
 */
export class PoliceLinks1765300000050 implements MigrationInterface {
  name = 'PoliceLinks1765300000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX detections_position ON detections USING GIST (point(longitude, latitude))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX detections_position`);
  }
}
