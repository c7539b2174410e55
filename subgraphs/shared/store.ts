import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { assertAttributed, recordWrite } from './access-log/write-log.js';

/**
 * `SELECT … WHERE <column> = ANY($1)`: one statement for a whole DataLoader batch, whatever its
 * size. `statement` names the SQL in a leading comment so logs and pg_stat_statements show it.
 */
export function selectWhereIn<Row extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
  statement: string,
  property: keyof Row & string,
  keys: readonly string[],
  orderBy?: { property: keyof Row & string; direction: 'ASC' | 'DESC' },
): Promise<Row[]> {
  const query = dataSource
    .getRepository(entity)
    .createQueryBuilder('row')
    .comment(statement)
    .where(`row.${property} = ANY(:keys)`, { keys: [...keys] });
  if (orderBy) query.orderBy(`row.${orderBy.property}`, orderBy.direction).addOrderBy('row.id', 'ASC');
  return query.getMany();
}

/**
 * `INSERT … RETURNING id` of one row inside the caller's transaction, named like every statement;
 * the names of the fields given are logged as a write of the new record (write-log.ts).
 */
export async function insertRow<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  statement: string,
  values: QueryDeepPartialEntity<Row>,
): Promise<string> {
  assertAttributed(manager, entity);
  const result = await manager.createQueryBuilder().insert().into(entity).values(values).returning('id').comment(statement).execute();
  const id = (result.identifiers[0] as { id: string }).id;
  recordWrite(manager, entity, id, Object.keys(values));
  return id;
}

/**
 * The statements every record's store has, named `<name>.byIds` (one per DataLoader batch). A store
 * extends it with its own statements, which use `this.dataSource` as before.
 */
export class RecordReader<Row extends ObjectLiteral & { id: string }> {
  constructor(
    protected readonly dataSource: DataSource,
    protected readonly entity: EntityTarget<Row>,
    /** The statements' prefix: `case` names `case.byIds`, `case.insert`. */
    protected readonly name: string,
  ) {}

  byIds(ids: readonly string[]): Promise<Row[]> {
    return selectWhereIn(this.dataSource, this.entity, `${this.name}.byIds`, 'id', ids);
  }
}

/** A record that is also created: `<name>.insert` in the caller's transaction, logged as a write. */
export class RecordStore<Row extends ObjectLiteral & { id: string }> extends RecordReader<Row> {
  insert(manager: EntityManager, values: QueryDeepPartialEntity<Row>): Promise<string> {
    return insertRow(manager, this.entity, `${this.name}.insert`, values);
  }
}
