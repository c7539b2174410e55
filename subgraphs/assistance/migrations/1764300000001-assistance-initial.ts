import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Migrant assistance schema. Following the HTCDS advice, the identity is kept in its own table,
 * apart from the pseudonymous migrant record that everything else refers to.
 */
export class AssistanceInitial1764300000001 implements MigrationInterface {
  name = 'AssistanceInitial1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE migrants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        detection_id uuid,
        code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
        sex text NOT NULL CHECK (sex IN ('FEMALE','MALE','OTHER','UNKNOWN')),
        age_group text NOT NULL CHECK (age_group IN ('AGE_0_8','AGE_9_17','AGE_18_25','AGE_26_47','AGE_48_PLUS','UNKNOWN')),
        nationality char(3),
        vulnerabilities text[] NOT NULL DEFAULT '{}',
        trafficking_status text NOT NULL DEFAULT 'NOT_ASSESSED' CHECK (trafficking_status IN ('NOT_ASSESSED','POSSIBLE','CONFIRMED','NOT_A_VICTIM')),
        registered_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX migrants_case_id ON migrants (case_id, code);
      CREATE TABLE migrant_identities (
        migrant_id uuid PRIMARY KEY REFERENCES migrants(id),
        given_name text CHECK (length(given_name) <= 200),
        family_name text CHECK (length(family_name) <= 200),
        date_of_birth date,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE TABLE consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants(id),
        scope text NOT NULL CHECK (scope IN ('SHARE_WITH_POLICE','SHARE_WITH_PROSECUTION','TESTIMONY','RESEARCH')),
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
        given_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
      );
      CREATE INDEX consents_migrant_id ON consents (migrant_id, given_at);
      CREATE TABLE screenings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants(id),
        screened_at timestamptz NOT NULL,
        screened_by text NOT NULL CHECK (length(screened_by) BETWEEN 1 AND 200),
        vulnerabilities text[] NOT NULL DEFAULT '{}',
        trafficking_status text NOT NULL CHECK (trafficking_status IN ('NOT_ASSESSED','POSSIBLE','CONFIRMED','NOT_A_VICTIM')),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX screenings_migrant_id ON screenings (migrant_id, screened_at);
      CREATE TABLE assistance_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants(id),
        type text NOT NULL CHECK (type IN ('MEDICAL','SHELTER','PSYCHOSOCIAL','LEGAL_COUNSELLING','INTERPRETATION','FAMILY_TRACING','CONSULAR_NOTIFICATION','VOLUNTARY_RETURN','REINTEGRATION')),
        status text NOT NULL CHECK (status IN ('PLANNED','IN_PROGRESS','COMPLETED','DECLINED')),
        provider text NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
        started_at timestamptz,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (completed_at IS NULL OR started_at IS NULL OR completed_at >= started_at)
      );
      CREATE INDEX assistance_records_migrant_id ON assistance_records (migrant_id, started_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE assistance_records; DROP TABLE screenings; DROP TABLE consents;
      DROP TABLE migrant_identities; DROP TABLE migrants;
    `);
  }
}
