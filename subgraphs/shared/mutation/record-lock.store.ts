import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The generic SQL of changing a record: the versioned UPDATE (optimistic locking) and the row lock
 * (pessimistic), each named by the caller's statement name. What a miss means is mutation.ts's.
 */

/** `<statement>`: applies `changes` only if the row is still at `version`, and bumps it; true when it did. */
export async function updateIfAtVersion<Row extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  statement: string,
  id: string,
  version: number,
  changes: Partial<Row>,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id, version })
    .comment(statement)
    .execute();
  return result.affected === 1;
}

/** `<statement>.current`: the row as it is now (after a versioned update missed), or null. */
export function currentRow<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  statement: string,
  id: string,
): Promise<Row | null> {
  return manager.getRepository(entity).createQueryBuilder('row').comment(`${statement}.current`).where('row.id = :id', { id }).getOne();
}

/** `<statement>`: the row, locked FOR UPDATE until the transaction ends, or null. */
export function selectForUpdate<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  statement: string,
  id: string,
): Promise<Row | null> {
  return manager
    .getRepository(entity)
    .createQueryBuilder('row')
    .comment(statement)
    .setLock('pessimistic_write')
    .where('row.id = :id', { id })
    .getOne();
}
