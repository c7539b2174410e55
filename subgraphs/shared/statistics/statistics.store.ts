import type { DataSource } from 'typeorm';

/** One aggregated row from SQL: a unit cell's coordinates and its sums. */
export type AggregateRow = Record<string, string | number | null>;

export interface Dimension {
  /** Output field name on the bucket. */
  field: string;
  /** SQL expression it groups by (from a fixed list, never from input). */
  sql: string;
  /**
   * Every value the dimension can take (an enumeration, with null where "none" is a value). Every
   * combination is listed, so an empty group and a suppressed one look alike. Omitted for open
   * domains (sea areas), whose values are those present in the window.
   */
  values?: readonly (string | null)[];
  /** When the dimension is one of the grid's own coordinates (the month or the country), it adds none. */
  axis?: 'month' | 'country';
}

/** The grid's columns: the instant that places a row in its calendar month, and its country. */
export interface Grid {
  time: string;
  country: string;
}

/** One statistic's aggregate: fixed SQL text from the service's catalogue, never from input. */
export interface AggregateQuery<Metric extends string> {
  /** The statement's name (`statistics.detections`), its leading comment. */
  statement: string;
  /** FROM and JOINs. */
  from: string;
  grid: Grid;
  dimensions: Dimension[];
  /** Aggregates by output name, e.g. { detections: 'count(*)' }; each must add up across months and countries. */
  metrics: Record<Metric, string>;
  /** The aggregate that counts the people behind a cell, for k-anonymity. */
  people: string;
}

/** WHERE conditions, with `$n` placeholders for the values. */
export interface Conditions {
  where: string[];
  parameters: unknown[];
}

/** The conditions of a window and a country on the grid's columns (values as parameters only). */
export function windowConditions(
  filter: { from?: Date | null; to?: Date | null; country?: string | null } | null | undefined,
  grid: Grid,
): Conditions {
  const where: string[] = [];
  const parameters: unknown[] = [];
  if (filter?.from) {
    parameters.push(filter.from);
    where.push(`${grid.time} >= $${parameters.length}`);
  }
  if (filter?.to) {
    parameters.push(filter.to);
    where.push(`${grid.time} < $${parameters.length}`);
  }
  if (filter?.country) {
    parameters.push(filter.country);
    where.push(`${grid.country} = $${parameters.length}`);
  }
  return { where, parameters };
}

/** The statistics' SQL: one aggregate statement per statistic, a row per unit cell. */
export class StatisticsStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `statistics.<name>`: the unit cells (calendar month × country × the statistic's own dimensions)
   * with their metrics and the people behind each, in one GROUP BY.
   */
  unitCells<Metric extends string>(query: AggregateQuery<Metric>, conditions: Conditions): Promise<AggregateRow[]> {
    const month = `to_char(date_trunc('month', ${query.grid.time} AT TIME ZONE 'UTC'), 'YYYY-MM')`;
    const own = query.dimensions.filter((dimension) => !dimension.axis);
    const coordinateColumns = [
      `${month} AS "__month"`,
      `${query.grid.country} AS "__country"`,
      ...own.map((dimension) => `${dimension.sql} AS "${dimension.field}"`),
    ];
    const metricColumns = Object.entries(query.metrics).map(([name, sql]) => `${sql as string} AS "${name}"`);
    const sql = [
      `/* ${query.statement} */ SELECT ${[...coordinateColumns, ...metricColumns, `${query.people} AS "__people"`].join(', ')}`,
      `FROM ${query.from}`,
      conditions.where.length > 0 ? `WHERE ${conditions.where.join(' AND ')}` : '',
      `GROUP BY ${coordinateColumns.map((_, index) => index + 1).join(', ')}`,
    ].join(' ');
    return this.dataSource.query(sql, conditions.parameters);
  }
}
