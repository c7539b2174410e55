import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

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
