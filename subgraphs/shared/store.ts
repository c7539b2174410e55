import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { assertAttributed, recordWrite } from './access-log/write-log.js';

/** A prepared read of one entity: its SQL, written once, and the columns its rows are hydrated from. */
interface ReadPlan {
  sql: string;
  /** [result alias, column]: the columns getMany() would select (no virtual ones). */
  columns: Array<[string, ColumnMetadata]>;
}

/** Per entity and statement: the SQL text is the same for every batch, so it is built once. */
const plans = new WeakMap<EntityMetadata, Map<string, ReadPlan>>();

function readPlan(
  metadata: EntityMetadata,
  statement: string,
  property: string,
  orderBy: { property: string; direction: 'ASC' | 'DESC' } | undefined,
): ReadPlan {
  const key = `${statement}\u0000${property}\u0000${orderBy?.property ?? ''}\u0000${orderBy?.direction ?? ''}`;
  let byStatement = plans.get(metadata);
  if (!byStatement) plans.set(metadata, (byStatement = new Map<string, ReadPlan>()));
  const known = byStatement.get(key);
  if (known) return known;
  const columnOf = (name: string) => {
    const column = metadata.findColumnWithPropertyPath(name);
    if (!column) throw new Error(`${metadata.name} has no column for ${name}`);
    return `"row"."${column.databaseName}"`;
  };
  const columns = metadata.columns
    .filter((column) => !column.isVirtual)
    .map((column, index): [string, ColumnMetadata] => [`c${index}`, column]);
  const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  const order = orderBy ? ` ORDER BY ${columnOf(orderBy.property)} ${orderBy.direction}, ${columnOf('id')} ASC` : '';
  const plan = {
    sql: `/* ${statement} */ SELECT ${columns.map(([alias, column]) => `"row"."${column.databaseName}" AS "${alias}"`).join(', ')} FROM ${table} "row" WHERE ${columnOf(property)} = ANY($1)${order}`,
    columns,
  };
  byStatement.set(key, plan);
  return plan;
}

/**
 * `SELECT … WHERE <column> = ANY($1)`: one statement for a whole DataLoader batch, whatever its
 * size. `statement` names the SQL in a leading comment so logs and pg_stat_statements show it.
 * The hot read of every loader: its SQL is written once per statement (not by the query builder on
 * every batch) and its rows become entities as getMany() would make them (same constructor, same
 * value conversions), without the query builder's general join-and-group transformer.
 */
export async function selectWhereIn<Row extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<Row>,
  statement: string,
  property: keyof Row & string,
  keys: readonly string[],
  orderBy?: { property: keyof Row & string; direction: 'ASC' | 'DESC' },
): Promise<Row[]> {
  const metadata = dataSource.getMetadata(entity);
  const plan = readPlan(metadata, statement, property, orderBy);
  const raws = await dataSource.query<Array<Record<string, unknown>>>(plan.sql, [[...keys]]);
  const driver = dataSource.driver;
  return raws.map((raw) => {
    const row = metadata.create() as Row;
    for (const [alias, column] of plan.columns) {
      const value = raw[alias];
      if (value !== undefined) column.setEntityValue(row, driver.prepareHydratedValue(value, column));
    }
    return row;
  });
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
