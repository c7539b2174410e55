import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records: a creating mutation claims (caller, operation, key) in the same transaction
 * as its write, so a retry returns the first result and writes nothing. Kept in PostgreSQL, not in
 * a process, so every replica of a subgraph sees the same keys.
 */
export class Idempotency1764500000000 implements MigrationInterface {
  name = 'Idempotency1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        actor text NOT NULL,
        operation text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        request_hash text NOT NULL,
        result_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, operation, key)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
