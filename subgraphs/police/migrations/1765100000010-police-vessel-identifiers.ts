import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vessels persist across detections: each carries its identifiers (IMO number as seven digits,
 * MMSI, national registration with its flag State) and a hull description. SQL checks what it can
 * (the IMO check digit included); one vessel per identifier through unique partial indexes, which
 * also answer recordDetection's match. A vessel's detections and cases are read through
 * (vessel_id, case_id).
 */
export class PoliceVesselIdentifiers1765100000010 implements MigrationInterface {
  name = 'PoliceVesselIdentifiers1765100000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE vessels
        ADD COLUMN imo char(7),
        ADD COLUMN mmsi char(9),
        ADD COLUMN registration text,
        ADD COLUMN hull_description text;
      ALTER TABLE vessels
        ADD CONSTRAINT vessels_imo_check_digit CHECK (
          imo ~ '^[0-9]{7}$' AND (
            substr(imo, 1, 1)::int * 7 + substr(imo, 2, 1)::int * 6 + substr(imo, 3, 1)::int * 5 +
            substr(imo, 4, 1)::int * 4 + substr(imo, 5, 1)::int * 3 + substr(imo, 6, 1)::int * 2
          ) % 10 = substr(imo, 7, 1)::int
        ),
        ADD CONSTRAINT vessels_mmsi_ship_station CHECK (mmsi ~ '^[2-7][0-9]{8}$'),
        ADD CONSTRAINT vessels_registration_format CHECK (registration ~ '^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$'),
        -- A registration number means something only with the State that issued it.
        ADD CONSTRAINT vessels_registration_flag CHECK (registration IS NULL OR flag_state IS NOT NULL),
        ADD CONSTRAINT vessels_hull_description_length CHECK (length(hull_description) <= 500);
      CREATE UNIQUE INDEX vessels_imo ON vessels (imo) WHERE imo IS NOT NULL;
      CREATE UNIQUE INDEX vessels_mmsi ON vessels (mmsi) WHERE mmsi IS NOT NULL;
      CREATE UNIQUE INDEX vessels_flag_registration ON vessels (flag_state, registration) WHERE registration IS NOT NULL;
      CREATE INDEX detections_vessel_case ON detections (vessel_id, case_id) WHERE vessel_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX detections_vessel_case; DROP INDEX vessels_flag_registration; DROP INDEX vessels_mmsi; DROP INDEX vessels_imo;
      ALTER TABLE vessels DROP COLUMN hull_description, DROP COLUMN registration, DROP COLUMN mmsi, DROP COLUMN imo;
    `);
  }
}
