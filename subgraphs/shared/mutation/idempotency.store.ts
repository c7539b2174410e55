import type { EntityManager } from 'typeorm';

/** (caller, operation, key): whose retry of what. */
export type IdempotencyIdentity = readonly [actor: string, operation: string, key: string];

/** The idempotency keys' SQL, always inside the creating mutation's transaction. */
export class IdempotencyStore {
  constructor(private readonly manager: EntityManager) {}

  /** `idempotency.claim`: true when this call is the first with the key (a concurrent one waits on the row). */
  async claim(identity: IdempotencyIdentity, requestHash: string): Promise<boolean> {
    const claimed: unknown[] = await this.manager.query(
      `/* idempotency.claim */ INSERT INTO idempotency_keys (actor, operation, key, request_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING key`,
      [...identity, requestHash],
    );
    return claimed.length > 0;
  }

  /** `idempotency.find`: the first call's input hash and the id it created. */
  async find(identity: IdempotencyIdentity): Promise<{ requestHash: string; resultId: string }> {
    const [existing]: Array<{ request_hash: string; result_id: string }> = await this.manager.query(
      '/* idempotency.find */ SELECT request_hash, result_id FROM idempotency_keys WHERE actor = $1 AND operation = $2 AND key = $3',
      [...identity],
    );
    return { requestHash: existing.request_hash, resultId: existing.result_id };
  }

  /** `idempotency.record`: the id the first call created, returned to its retries. */
  async record(identity: IdempotencyIdentity, resultId: string): Promise<void> {
    await this.manager.query(
      '/* idempotency.record */ UPDATE idempotency_keys SET result_id = $4 WHERE actor = $1 AND operation = $2 AND key = $3',
      [...identity, resultId],
    );
  }
}
