import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The access log of a subgraph's database: one row per entity per decision per request. Append-only
 * in PostgreSQL itself: a trigger refuses UPDATE, DELETE and TRUNCATE for every role, so the
 * application cannot rewrite history even with a bug or a stolen connection.
 */
export class AccessLog1764400000000 implements MigrationInterface {
  name = 'AccessLog1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE access_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Millisecond precision, so a cursor (an ISO instant) positions exactly.
        at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
        actor text NOT NULL,
        agency text NOT NULL CHECK (agency IN ('POLICE','IOM','PROSECUTOR','ANALYST','PARTNER','AUDITOR')),
        country char(3) NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        fields text[] NOT NULL,
        decision text NOT NULL CHECK (decision IN ('ALLOWED','DENIED')),
        reason text CHECK (reason IN ('ROLE','CONSENT_REQUIRED','HANDLING_RESTRICTED','NOT_RELEASABLE')),
        operation_name text,
        CHECK ((decision = 'DENIED') = (reason IS NOT NULL))
      );
      CREATE INDEX access_log_at ON access_log (at DESC, id DESC);
      CREATE INDEX access_log_entity ON access_log (entity_type, entity_id);
      CREATE INDEX access_log_actor ON access_log (actor, at DESC);
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER access_log_no_update BEFORE UPDATE OR DELETE ON access_log
        FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
      CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
        FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
      REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC;
    `);
  }

  async down(): Promise<void> {
    // An audit trail is never dropped by a migration.
    throw new Error('AccessLog1764400000000 cannot be reverted: the access log is append-only');
  }
}
