import { DateTimeResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { InvalidInputError } from '../errors.js';
import { CountryCode } from '../scalars.js';

@InputType({ description: 'Narrows a statistics query. Every given condition must hold.' })
export class StatisticsFilter {
  @Field(() => DateTimeResolver, { nullable: true, description: 'Only events at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Only events before this instant.' })
  to?: Date | null;

  @Field(() => CountryCode, { nullable: true, description: 'Only events of this country (what "country" means is given on each statistics query).' })
  country?: string | null;
}

/** One aggregated row from SQL: the group's dimension values and its sums. */
export type AggregateRow = Record<string, string | number | null>;

export interface Dimension {
  /** Output field name on the bucket. */
  field: string;
  /** SQL expression it groups by (from a fixed list, never from input). */
  sql: string;
}

export interface StatisticsQuery<Metric extends string> {
  statement: string;
  /** FROM and JOINs, with `$n` placeholders only for values. */
  from: string;
  dimensions: Dimension[];
  /** Aggregates by output name, e.g. { detections: 'count(*)' }. */
  metrics: Record<Metric, string>;
  /** The aggregate that counts people, for k-anonymity. */
  people: string;
  where: string[];
  parameters: unknown[];
}

export interface KAnonymous<Metric extends string> {
  k: number;
  buckets: Array<Record<string, unknown> & { suppressed: boolean }>;
  total: Record<Metric, number>;
  suppressedBuckets: number;
}

/**
 * Aggregates in SQL (GROUP BY), then suppresses every bucket with fewer than `k` people: its values
 * are null and it is flagged as suppressed, never shown as 0. Totals add up the published buckets
 * only, so no suppressed bucket can be recovered by subtracting the others from a total.
 */
export async function kAnonymousStatistics<Metric extends string>(
  dataSource: DataSource,
  query: StatisticsQuery<Metric>,
  k: number,
): Promise<KAnonymous<Metric>> {
  const dimensionColumns = query.dimensions.map((dimension) => `${dimension.sql} AS "${dimension.field}"`);
  const metricColumns = Object.entries(query.metrics).map(([name, sql]) => `${sql as string} AS "${name}"`);
  const sql = [
    `/* ${query.statement} */ SELECT ${[...dimensionColumns, ...metricColumns, `${query.people} AS "__people"`].join(', ')}`,
    `FROM ${query.from}`,
    query.where.length > 0 ? `WHERE ${query.where.join(' AND ')}` : '',
    query.dimensions.length > 0 ? `GROUP BY ${query.dimensions.map((_, index) => index + 1).join(', ')}` : '',
    query.dimensions.length > 0 ? `ORDER BY ${query.dimensions.map((_, index) => index + 1).join(', ')}` : '',
  ].join(' ');
  const rows: AggregateRow[] = await dataSource.query(sql, query.parameters);
  const metricNames = Object.keys(query.metrics) as Metric[];
  const total = Object.fromEntries(metricNames.map((name) => [name, 0])) as Record<Metric, number>;
  let suppressedBuckets = 0;
  const buckets = rows
    .filter((row) => Number(row.__people) > 0 || query.dimensions.length === 0)
    .map((row) => {
      const suppressed = Number(row.__people) < k;
      if (suppressed) suppressedBuckets += 1;
      const bucket: Record<string, unknown> & { suppressed: boolean } = { suppressed };
      for (const dimension of query.dimensions) bucket[dimension.field] = row[dimension.field];
      for (const name of metricNames) {
        const value = Number(row[name] ?? 0);
        bucket[name] = suppressed ? null : value;
        if (!suppressed) total[name] += value;
      }
      return bucket;
    });
  return { k, buckets, total, suppressedBuckets };
}

/** groupBy values must be distinct; every value comes from an enumeration, so SQL stays fixed text. */
export function dimensionsOf<Key extends string>(groupBy: readonly Key[], catalogue: Record<Key, Dimension>): Dimension[] {
  if (new Set(groupBy).size !== groupBy.length) {
    throw new InvalidInputError([{ field: 'groupBy', reasons: ['each dimension may appear once'] }]);
  }
  return groupBy.map((key) => catalogue[key]);
}

/** The WHERE conditions of a StatisticsFilter, on the given time and country columns. */
export function filterConditions(filter: StatisticsFilter | null | undefined, columns: { time: string; country: string }) {
  const where: string[] = [];
  const parameters: unknown[] = [];
  if (filter?.from) {
    parameters.push(filter.from);
    where.push(`${columns.time} >= $${parameters.length}`);
  }
  if (filter?.to) {
    parameters.push(filter.to);
    where.push(`${columns.time} < $${parameters.length}`);
  }
  if (filter?.country) {
    parameters.push(filter.country);
    where.push(`${columns.country} = $${parameters.length}`);
  }
  return { where, parameters };
}
