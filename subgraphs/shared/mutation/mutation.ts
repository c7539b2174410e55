import { createHash } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { assertAttributed, attributeTransaction, flushWrites, recordWrite } from '../access-log/write-log.js';
import type { SubgraphContext } from '../context.js';
import { BadUserInputError, ConflictError, InvalidTransitionError, NotFoundError } from '../../../platform/errors.js';
import { IdempotencyStore } from './idempotency.store.js';
import { currentRow, selectForUpdate, updateIfAtVersion } from './record-lock.store.js';

const KEY = /^[A-Za-z0-9._:-]{1,200}$/;

/** A stable fingerprint of the input: same input, same hash, whatever the key order. */
function fingerprint(operation: string, input: unknown): string {
  const canonical = JSON.stringify(input, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(`${operation}\u0000${canonical}`).digest('hex');
}

/**
 * Runs a creating mutation in one transaction. With an idempotency key, the first call claims
 * (caller, operation, key) and records the id it created; a retry with the same input returns that
 * id and writes nothing; the same key with other input is a CONFLICT. Concurrent retries wait on
 * the key's row, so exactly one of them writes. Every row the transaction writes is logged (kind
 * WRITE, `operation` the mutation) in the same transaction; a replay writes nothing and logs nothing.
 */
export async function createOnce(
  context: SubgraphContext,
  operation: string,
  idempotencyKey: string | null | undefined,
  input: unknown,
  create: (manager: EntityManager) => Promise<string>,
): Promise<string> {
  if (idempotencyKey !== null && idempotencyKey !== undefined && !KEY.test(idempotencyKey)) {
    throw new BadUserInputError('idempotencyKey must be 1-200 characters of letters, digits, . _ : -', 'idempotencyKey', 'INVALID_KEY');
  }
  return context.dataSource.transaction(async (manager) => {
    attributeTransaction(
      manager,
      { viewer: context.viewer, requestId: context.requestId, operationName: context.operationName, mutation: operation },
      operation,
    );
    const id = await claimOrCreate(manager);
    await flushWrites(manager);
    return id;
  });

  async function claimOrCreate(manager: EntityManager): Promise<string> {
    if (!idempotencyKey) return create(manager);
    const hash = fingerprint(operation, input);
    const identity = [context.viewer.subject, operation, idempotencyKey] as const;
    const keys = new IdempotencyStore(manager);
    if (!(await keys.claim(identity, hash))) {
      const existing = await keys.find(identity);
      if (existing.requestHash !== hash) {
        throw new ConflictError('idempotencyKey was already used for a different input', 'IDEMPOTENCY_KEY_REUSED');
      }
      return existing.resultId;
    }
    const id = await create(manager);
    await keys.record(identity, id);
    return id;
  }
}

/**
 * Optimistic locking: applies `changes` only if the row still has `version`, and bumps it. A stale
 * version is a CONFLICT naming the current one, never a silent overwrite. The names of the changed
 * fields are logged with the transaction's caller (see write-log.ts); a transaction that names no
 * caller cannot write.
 */
export async function updateVersioned<Row extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  statement: string,
  id: string,
  version: number,
  changes: Partial<Row>,
): Promise<void> {
  // Checked before the UPDATE, so an unattributed write fails without touching the row.
  assertAttributed(manager, entity);
  if (await updateIfAtVersion(manager, entity, statement, id, version, changes)) {
    recordWrite(manager, entity, id, Object.keys(changes));
    return;
  }
  const current = await currentRow(manager, entity, statement, id);
  if (!current) throw new NotFoundError(manager.getRepository(entity).metadata.name.replace(/Entity$/, ''), 'id');
  throw new ConflictError(`version ${version} is stale; the record is at version ${current.version}`, 'STALE_VERSION', {
    currentVersion: current.version,
  });
}

/** Timestamps are kept to the millisecond, so cursors (ISO instants) position exactly. */
export function truncateToMilliseconds(date: Date): Date {
  return new Date(date.getTime());
}

/** The version the caller read must be the row's current one (checked on the locked row). */
export function assertVersion(row: { version: number }, version: number): void {
  if (row.version !== version) {
    throw new ConflictError(`version ${version} is stale; the record is at version ${row.version}`, 'STALE_VERSION', {
      currentVersion: row.version,
    });
  }
}

/** A state machine: from each state, the states it may move to. */
export type Transitions<State extends string> = Record<State, readonly State[]>;

export function assertTransition<State extends string>(entity: string, transitions: Transitions<State>, from: State, to: State): void {
  if (!transitions[from].includes(to)) throw new InvalidTransitionError(entity, from, to, transitions[from]);
}

/** Reads a row to change, locked until the transaction ends; missing is NOT_FOUND on `field`. */
export async function lockRow<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  statement: string,
  id: string,
  field: string,
): Promise<Row> {
  const row = await selectForUpdate(manager, entity, statement, id);
  if (!row) throw new NotFoundError(manager.getRepository(entity).metadata.name.replace(/Entity$/, ''), field);
  return row;
}
