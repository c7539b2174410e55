import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The police intelligence schema: cases, detections at sea, vessels, suspects, networks, operations, intelligence. */
export class PoliceInitial1764300000000 implements MigrationInterface {
  name = 'PoliceInitial1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE smuggling_networks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        modus_operandi text NOT NULL DEFAULT '' CHECK (length(modus_operandi) <= 4000),
        active_countries text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE TABLE operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        coordinating_body text NOT NULL CHECK (length(coordinating_body) BETWEEN 1 AND 200),
        countries text[] NOT NULL DEFAULT '{}',
        started_on date NOT NULL,
        ended_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (ended_on IS NULL OR ended_on >= started_on)
      );
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 64),
        status text NOT NULL CHECK (status IN ('OPEN','UNDER_INVESTIGATION','REFERRED_FOR_PROSECUTION','CLOSED')),
        lead_country char(3) NOT NULL,
        opened_at timestamptz NOT NULL,
        offences text[] NOT NULL DEFAULT '{}',
        aggravations text[] NOT NULL DEFAULT '{}',
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
        network_id uuid REFERENCES smuggling_networks(id),
        operation_id uuid REFERENCES operations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX cases_opened_at_id ON cases (opened_at DESC, id DESC);
      CREATE INDEX cases_status ON cases (status);
      CREATE INDEX cases_lead_country ON cases (lead_country);
      CREATE TABLE vessels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text CHECK (length(name) <= 200),
        type text NOT NULL CHECK (type IN ('DINGHY','WOODEN_BOAT','FISHING_VESSEL','CARGO_VESSEL','SAILING_YACHT','SPEEDBOAT','OTHER')),
        flag_state char(3),
        registry_status text NOT NULL CHECK (registry_status IN ('NOT_REQUESTED','REQUESTED','CONFIRMED','DENIED','STATELESS')),
        boarding_authorization text NOT NULL CHECK (boarding_authorization IN ('OWN_FLAG','REQUESTED','GRANTED','CONDITIONAL','REFUSED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE TABLE detections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        vessel_id uuid REFERENCES vessels(id),
        operation_id uuid REFERENCES operations(id),
        detected_at timestamptz NOT NULL,
        sea_area text NOT NULL CHECK (length(sea_area) BETWEEN 1 AND 200),
        latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
        detecting_country char(3) NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('INTERCEPTED','RESCUED','ESCORTED','TRACKED','LOST')),
        persons_on_board integer NOT NULL CHECK (persons_on_board >= 0),
        deaths integer NOT NULL DEFAULT 0 CHECK (deaths >= 0),
        missing integer NOT NULL DEFAULT 0 CHECK (missing >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX detections_case_id ON detections (case_id, detected_at);
      CREATE TABLE suspects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        network_id uuid REFERENCES smuggling_networks(id),
        alias text NOT NULL CHECK (length(alias) BETWEEN 1 AND 200),
        nationality char(3),
        role text NOT NULL CHECK (role IN ('ORGANIZER','RECRUITER','TRANSPORTER','CAPTAIN','CREW','FACILITATOR','DOCUMENT_FORGER','FINANCIER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX suspects_case_id ON suspects (case_id);
      CREATE INDEX suspects_network_id ON suspects (network_id);
      CREATE TABLE intelligence_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
        handling_code text NOT NULL CHECK (handling_code IN ('H0','H1','H2','H3')),
        handling_conditions text CHECK (length(handling_conditions) <= 1000),
        source_reliability text NOT NULL CHECK (source_reliability IN ('A','B','C','X')),
        information_accuracy text NOT NULL CHECK (information_accuracy IN ('CONFIRMED','KNOWN_TO_SOURCE','CORROBORATED','NOT_CORROBORATED')),
        source_country char(3) NOT NULL,
        releasable_to text[],
        shared_at timestamptz NOT NULL,
        review_by date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (handling_code <> 'H3' OR handling_conditions IS NOT NULL)
      );
      CREATE INDEX intelligence_items_case_id ON intelligence_items (case_id, shared_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE intelligence_items; DROP TABLE suspects; DROP TABLE detections; DROP TABLE vessels;
      DROP TABLE cases; DROP TABLE operations; DROP TABLE smuggling_networks;
    `);
  }
}
