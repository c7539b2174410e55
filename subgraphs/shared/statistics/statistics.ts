import { DateTimeResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { InvalidInputError, type FieldProblem } from '../../../platform/errors.js';
import { CountryCode } from '../scalars.js';
import { suppressCells, type UnitCell } from './suppression.js';
import { StatisticsStore, windowConditions, type AggregateQuery, type AggregateRow, type Dimension } from './statistics.store.js';

@InputType({
  description:
    'Narrows a statistics query. Every given condition must hold. Windows are whole calendar months (UTC): `from` and `to` must each be the first instant of a month, e.g. 2026-03-01T00:00:00Z.',
})
export class StatisticsFilter {
  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Only events at or after this instant: the first instant of a calendar month (UTC).',
  })
  from?: Date | null;

  @Field(() => DateTimeResolver, {
    nullable: true,
    description: 'Only events before this instant: the first instant of a calendar month (UTC), after `from`.',
  })
  to?: Date | null;

  @Field(() => CountryCode, {
    nullable: true,
    description: 'Only events of this country (what "country" means is given on each statistics query).',
  })
  country?: string | null;
}

export type { AggregateRow, Dimension } from './statistics.store.js';

/** A statistic's aggregate over its grid (the SQL is the store's, statistics.store.ts). */
export type StatisticsQuery<Metric extends string> = AggregateQuery<Metric>;

/** What reading statistics needs of the request: its database and the k of k-anonymity. */
export interface StatisticsReader {
  dataSource: DataSource;
  kAnonymity: number;
}

export interface KAnonymous<Metric extends string> {
  k: number;
  buckets: Array<Record<string, unknown> & { suppressed: boolean }>;
  total: Record<Metric, number>;
  suppressedBuckets: number;
}

/** Beyond this many listed groups a query is refused: group by fewer dimensions or narrow the window. */
export const MAX_BUCKETS = 20_000;

/**
 * Statistics that reveal no one, over one fixed grid of unit cells per statistic: calendar month ×
 * country × the requested dimensions, counted in SQL in one statement. Every cell of fewer than k
 * people is suppressed, then complementary suppression along every dimension line (see
 * suppression.ts); every published figure (a bucket, a total) is the sum of published unit cells
 * only. Empty and suppressed buckets look alike: values null, `suppressed: true`. The window is
 * checked (whole months) before any SQL runs.
 */
export async function kAnonymousStatistics<Metric extends string>(
  reader: StatisticsReader,
  query: StatisticsQuery<Metric>,
  filter: StatisticsFilter | null | undefined,
): Promise<KAnonymous<Metric>> {
  assertWholeMonths(filter);
  const rows = await new StatisticsStore(reader.dataSource).unitCells(query, windowConditions(filter, query.grid));
  return publish(rows, query.dimensions, Object.keys(query.metrics) as Metric[], reader.kAnonymity, filter);
}

/** The 'YYYY-MM' after this one. */
function nextMonth(label: string): string {
  const [year, month] = label.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** 'YYYY-MM' of each calendar month from `from` (inclusive) to `to` (exclusive). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let label = from; label < to; label = nextMonth(label)) months.push(label);
  return months;
}

const monthOf = (instant: Date) => instant.toISOString().slice(0, 7);

/**
 * The values of the grid's own coordinates that are listed. Months: every month of the window (or,
 * without one, every month from the first to the last with data), so a month with only withheld
 * figures looks like one with none. Countries: the filter's country when given, else those present.
 */
function axisDomain(
  axis: 'month' | 'country',
  present: readonly (string | null)[],
  filter: StatisticsFilter | null | undefined,
): (string | null)[] {
  if (axis === 'country') return filter?.country ? [filter.country] : [...new Set(present)];
  const months = present.filter((value): value is string => value !== null).sort();
  const first = filter?.from ? monthOf(filter.from) : months[0];
  const last = filter?.to ? monthOf(filter.to) : months.length > 0 ? nextMonth(months[months.length - 1]) : undefined;
  return first && last ? monthsBetween(first, last) : [];
}

/** From the unit cells (SQL rows) to published buckets and totals. Exported for the unit test. */
export function publish<Metric extends string>(
  rows: readonly AggregateRow[],
  dimensions: readonly Dimension[],
  metricNames: readonly Metric[],
  k: number,
  filter?: StatisticsFilter | null,
): KAnonymous<Metric> {
  const own = dimensions.filter((dimension) => !dimension.axis);
  const coordinate = (row: AggregateRow, dimension: Dimension): string | null => {
    const column = dimension.axis === 'month' ? '__month' : dimension.axis === 'country' ? '__country' : dimension.field;
    const value = row[column];
    return value === null || value === undefined ? null : String(value);
  };
  const cells: UnitCell[] = rows.map((row) => ({
    coordinates: [row.__month, row.__country, ...own.map((dimension) => row[dimension.field])].map((value) =>
      value === null || value === undefined ? null : String(value),
    ),
    people: Number(row.__people ?? 0),
  }));
  // Month and country lines never add up to a published figure's true value (no grid is coarser
  // than month × country), so only the requested dimensions' lines need complementary suppression.
  const suppressed = suppressCells(
    cells,
    k,
    own.map((_, index) => index + 2),
  );

  const domains = dimensions.map((dimension) => {
    const present = rows.map((row) => coordinate(row, dimension));
    return sortValues(dimension.values ?? (dimension.axis ? axisDomain(dimension.axis, present, filter) : [...new Set(present)]));
  });
  const size = domains.reduce((product, domain) => product * Math.max(domain.length, 1), 1);
  if (size > MAX_BUCKETS) {
    throw new InvalidInputError([
      { field: 'groupBy', reasons: [`these dimensions give ${size} groups (at most ${MAX_BUCKETS}): group by fewer or narrow the window`] },
    ]);
  }
  const sums = new Map<string, Record<string, number>>();
  const total = Object.fromEntries(metricNames.map((name) => [name, 0])) as Record<Metric, number>;
  rows.forEach((row, index) => {
    if (suppressed[index]) return;
    const key = JSON.stringify(dimensions.map((dimension) => coordinate(row, dimension)));
    const sum = sums.get(key) ?? Object.fromEntries(metricNames.map((name) => [name, 0]));
    for (const name of metricNames) {
      const value = Number(row[name] ?? 0);
      sum[name] += value;
      total[name] += value;
    }
    sums.set(key, sum);
  });
  const buckets = combinations(domains).map((values) => {
    const sum = sums.get(JSON.stringify(values));
    const bucket: Record<string, unknown> & { suppressed: boolean } = { suppressed: sum === undefined };
    dimensions.forEach((dimension, index) => (bucket[dimension.field] = values[index]));
    for (const name of metricNames) bucket[name] = sum === undefined ? null : sum[name];
    return bucket;
  });
  return { k, buckets, total, suppressedBuckets: buckets.filter((bucket) => bucket.suppressed).length };
}

/** Ascending, null last (as SQL's ORDER BY did). */
function sortValues(values: readonly (string | null)[]): (string | null)[] {
  return [...values].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1));
}

function combinations(domains: readonly (string | null)[][]): (string | null)[][] {
  return domains.reduce<(string | null)[][]>(
    (prefixes, domain) => prefixes.flatMap((prefix) => domain.map((value) => [...prefix, value])),
    [[]],
  );
}

/** groupBy values must be distinct; every value comes from an enumeration, so SQL stays fixed text. */
export function dimensionsOf<Key extends string>(groupBy: readonly Key[], catalogue: Record<Key, Dimension>): Dimension[] {
  if (new Set(groupBy).size !== groupBy.length) {
    throw new InvalidInputError([{ field: 'groupBy', reasons: ['each dimension may appear once'] }]);
  }
  return groupBy.map((key) => catalogue[key]);
}

/** True at the first instant of a calendar month (UTC). */
function isMonthStart(instant: Date): boolean {
  return (
    instant.getUTCDate() === 1 &&
    instant.getUTCHours() === 0 &&
    instant.getUTCMinutes() === 0 &&
    instant.getUTCSeconds() === 0 &&
    instant.getUTCMilliseconds() === 0
  );
}

/**
 * A window must be whole calendar months: a window a millisecond or a day off another would isolate
 * whoever falls in the difference.
 */
function assertWholeMonths(filter: StatisticsFilter | null | undefined): void {
  const problems: FieldProblem[] = [];
  if (filter?.from && !isMonthStart(filter.from))
    problems.push({ field: 'filter.from', reasons: ['must be the first instant of a calendar month (UTC), e.g. 2026-03-01T00:00:00Z'] });
  if (filter?.to && !isMonthStart(filter.to))
    problems.push({ field: 'filter.to', reasons: ['must be the first instant of a calendar month (UTC), e.g. 2026-04-01T00:00:00Z'] });
  if (filter?.from && filter.to && filter.to <= filter.from) problems.push({ field: 'filter.to', reasons: ['must be after filter.from'] });
  if (problems.length > 0) throw new InvalidInputError(problems);
}

/** The WHERE conditions of a StatisticsFilter, once its window is checked to be whole months. */
export function filterConditions(filter: StatisticsFilter | null | undefined, columns: { time: string; country: string }) {
  assertWholeMonths(filter);
  return windowConditions(filter, columns);
}
