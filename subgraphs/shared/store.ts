import { EntityManager, type DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { assertAttributed, recordWrite } from './access-log/write-log.js';

/** Column types PostgresDriver.prepareHydratedValue returns as pg parsed them (arrays of them too). */
const AS_GIVEN = new Set(['text', 'uuid', 'char', 'varchar', 'integer', 'int', 'boolean']);

/**
 * An entity's columns under a table alias, for reads written as SQL: what getMany() would select (no
 * virtual columns), and its rows made into entities as getMany() makes them (the entity's
 * constructor, TypeORM's own value conversions) without the query builder, whose SQL building and
 * general join-and-group transformer were a tenth of a subgraph's CPU on the hot reads.
 */
export class EntityColumns<Row extends ObjectLiteral> {
  /** `"p"."id" AS "p_0", …`: the select list. */
  readonly list: string;
  /** The table, quoted, with its alias: `"prosecutions" "p"`. */
  readonly from: string;
  private readonly columns: Array<[string, ColumnMetadata]>;
  /** Columns whose values TypeORM takes as pg gives them (no conversion, transformer or embedding): set directly. */
  private readonly direct: Set<ColumnMetadata>;

  constructor(
    private readonly metadata: EntityMetadata,
    private readonly alias: string,
  ) {
    this.columns = metadata.columns.filter((column) => !column.isVirtual).map((column, index) => [`${alias}_${index}`, column]);
    this.direct = new Set(
      this.columns
        .map(([, column]) => column)
        .filter((column) => AS_GIVEN.has(String(column.type)) && !column.transformer && !column.embeddedMetadata),
    );
    this.list = this.columns.map(([name, column]) => `"${alias}"."${column.databaseName}" AS "${name}"`).join(', ');
    const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
    this.from = `${table} "${alias}"`;
  }

  /** `"p"."case_id"`: a property's column, under the alias. */
  column(property: keyof Row & string): string {
    const column = this.metadata.findColumnWithPropertyPath(property);
    if (!column) throw new Error(`${this.metadata.name} has no column for ${property}`);
    return `"${this.alias}"."${column.databaseName}"`;
  }

  /** One result row as the entity (null when the row has none of its columns: an outer join that matched nothing). */
  entity(raw: Record<string, unknown>, driver: DataSource['driver']): Row | null {
    // As getMany hydrates: the prototype alone, no constructor run.
    const row = this.metadata.create(undefined, { fromDeserializer: true }) as Row;
    let found = false;
    for (const [name, column] of this.columns) {
      const value = raw[name];
      if (value === undefined) continue;
      if (value !== null) found = true;
      if (this.direct.has(column)) (row as Record<string, unknown>)[column.propertyName] = value;
      else column.setEntityValue(row, driver.prepareHydratedValue(value, column));
    }
    return found ? row : null;
  }
}

const columnSets = new WeakMap<EntityMetadata, Map<string, EntityColumns<ObjectLiteral>>>();

/** The (cached) columns of `entity` under `alias`, for a read written as SQL on `source`. */
export function entityColumns<Row extends ObjectLiteral>(
  source: DataSource | EntityManager,
  entity: EntityTarget<Row>,
  alias: string,
): EntityColumns<Row> {
  const metadata = (source instanceof EntityManager ? source.dataSource : source).getMetadata(entity);
  let byAlias = columnSets.get(metadata);
  if (!byAlias) columnSets.set(metadata, (byAlias = new Map<string, EntityColumns<ObjectLiteral>>()));
  let columns = byAlias.get(alias);
  if (!columns) byAlias.set(alias, (columns = new EntityColumns<ObjectLiteral>(metadata, alias)));
  return columns as EntityColumns<Row>;
}

/**
 * A read written as SQL (`sql` given the entity's columns; it must start with its `/* name *\/`)
 * whose rows are entities, on a data source or a transaction's manager.
 */
export async function selectEntities<Row extends ObjectLiteral>(
  source: DataSource | EntityManager,
  entity: EntityTarget<Row>,
  alias: string,
  sql: (columns: EntityColumns<Row>) => string,
  parameters: unknown[],
): Promise<Row[]> {
  const columns = entityColumns(source, entity, alias);
  const driver = (source instanceof EntityManager ? source.dataSource : source).driver;
  const raws = await source.query<Array<Record<string, unknown>>>(sql(columns), parameters);
  return raws.map((raw) => columns.entity(raw, driver)).filter((row): row is Row => row !== null);
}

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
  return selectEntities(
    dataSource,
    entity,
    'row',
    (row) =>
      `/* ${statement} */ SELECT ${row.list} FROM ${row.from} WHERE ${row.column(property)} = ANY($1)` +
      (orderBy ? ` ORDER BY ${row.column(orderBy.property)} ${orderBy.direction}, ${row.column('id')} ASC` : ''),
    [[...keys]],
  );
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
