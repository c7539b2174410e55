import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import type { Viewer } from '../../../platform/auth.js';
import { AccessLogStore, type WriteRow } from './access-log.store.js';

/** Who writes: the request's caller, and the mutation being executed when one is known. */
export interface Writer {
  readonly viewer: Viewer;
  readonly requestId: string | null;
  readonly operationName: string | null;
  /** The root mutation field being resolved (mutations run one at a time), or null. */
  readonly mutation: string | null;
}

interface PendingWrite {
  entityType: string;
  entityId: string;
  fields: Set<string>;
}

interface TransactionWrites {
  writer: Writer;
  /** The operation a helper named explicitly (`createOnce`); wins over the writer's mutation. */
  operation: string | null;
  pending: Map<string, PendingWrite>;
}

/** Where a transaction's writes wait for their log rows: TypeORM's per-query-runner user data. */
const WRITES = 'tidelinkWrites';

function writesOf(manager: EntityManager): TransactionWrites | undefined {
  return manager.queryRunner?.data?.[WRITES] as TransactionWrites | undefined;
}

/** A write in a transaction that names no caller: refused, so no write goes unlogged. */
export class UnattributedWriteError extends Error {
  constructor(entityType: string) {
    super(`a write to ${entityType} outside a transaction attributed to a caller (use the request's dataSource.transaction or createOnce)`);
    this.name = 'UnattributedWriteError';
  }
}

/** Marks the transaction of `manager` as the writer's; `operation`, when given, names the mutation. */
export function attributeTransaction(manager: EntityManager, writer: Writer, operation?: string): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('writes are attributed inside a transaction only');
  const existing = writesOf(manager);
  if (existing) {
    if (operation) existing.operation = operation;
    return;
  }
  runner.data = { ...runner.data, [WRITES]: { writer, operation: operation ?? null, pending: new Map() } satisfies TransactionWrites };
}

/** The entity's type as the access log names it (`MigrantEntity` → `Migrant`). */
export function entityTypeOf(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): string {
  return manager.getRepository(entity).metadata.name.replace(/Entity$/, '');
}

/** Refuses, before any SQL, a write in a transaction that names no caller (or in no transaction). */
export function assertAttributed(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): void {
  if (!writesOf(manager)) throw new UnattributedWriteError(entityTypeOf(manager, entity));
}

/** Notes that the transaction set `fields` of one record; the row is written before it commits. */
export function recordWrite(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, entityId: string, fields: Iterable<string>): void {
  const entityType = entityTypeOf(manager, entity);
  const writes = writesOf(manager);
  if (!writes) throw new UnattributedWriteError(entityType);
  const key = `${entityType}\u0000${entityId}`;
  const entry = writes.pending.get(key) ?? { entityType, entityId, fields: new Set<string>() };
  for (const field of fields) if (field !== 'id' && field !== 'version') entry.fields.add(field);
  writes.pending.set(key, entry);
}

/** Writes the transaction's pending write rows, in the transaction: if they fail, the write is not made. */
export async function flushWrites(manager: EntityManager): Promise<void> {
  const writes = writesOf(manager);
  if (!writes || writes.pending.size === 0) return;
  const { writer } = writes;
  const operation = writes.operation ?? writer.mutation ?? writer.operationName ?? 'unnamed';
  const rows: WriteRow[] = [...writes.pending.values()].map((entry) => ({
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    fields: [...entry.fields].sort(),
  }));
  writes.pending.clear();
  await new AccessLogStore(manager).appendWrites(rows, {
    actor: writer.viewer.subject,
    agency: writer.viewer.agency,
    country: writer.viewer.country,
    operationName: writer.operationName,
    operation,
    requestId: writer.requestId,
  });
}

type TransactionWork<T> = (manager: EntityManager) => Promise<T>;

/**
 * The request's view of the data source: the same pool, but every transaction it opens is
 * attributed to the request's caller and logs its writes before it commits. Services keep calling
 * `this.request.dataSource.transaction(…)`; nothing else changes for them.
 */
export function attributedDataSource(dataSource: DataSource, writer: Writer): DataSource {
  function transaction<T>(work: TransactionWork<T>): Promise<T>;
  function transaction<T>(isolationLevel: IsolationLevel, work: TransactionWork<T>): Promise<T>;
  function transaction<T>(first: IsolationLevel | TransactionWork<T>, second?: TransactionWork<T>): Promise<T> {
    const work = typeof first === 'function' ? first : (second as TransactionWork<T>);
    const attributed: TransactionWork<T> = async (manager) => {
      attributeTransaction(manager, writer);
      const result = await work(manager);
      await flushWrites(manager);
      return result;
    };
    return typeof first === 'function' ? dataSource.transaction(attributed) : dataSource.transaction(first, attributed);
  }
  // Inherits everything else from the shared data source (pool, metadata, manager).
  return Object.create(dataSource, { transaction: { value: transaction } }) as DataSource;
}
