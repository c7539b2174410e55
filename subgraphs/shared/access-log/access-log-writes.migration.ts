import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Writes join reads in the one append-only log (same trigger, same auditor query): `kind` tells a
 * gated read from a write, `operation` names the mutation that wrote, `request_id` ties every row
 * to the gateway request it served, and `call_id` to the one subgraph call (a read shared by
 * several gateway requests in flight together is copied per request from that call's rows).
 */
export class AccessLogWrites1765000000050 implements MigrationInterface {
  name = 'AccessLogWrites1765000000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE access_log
        ADD COLUMN kind text NOT NULL DEFAULT 'READ' CHECK (kind IN ('READ','WRITE')),
        ADD COLUMN operation text,
        ADD COLUMN request_id text,
        ADD COLUMN call_id uuid,
        ADD CONSTRAINT access_log_write_allowed CHECK (kind = 'READ' OR (decision = 'ALLOWED' AND operation IS NOT NULL));
      CREATE INDEX access_log_call ON access_log (call_id) WHERE call_id IS NOT NULL;
      CREATE INDEX access_log_request ON access_log (request_id) WHERE request_id IS NOT NULL;
    `);
  }

  async down(): Promise<void> {
    throw new Error('AccessLogWrites1765000000050 cannot be reverted: the access log is append-only');
  }
}
