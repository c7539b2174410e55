import 'reflect-metadata';
import { filterConditions, publish, type AggregateRow, type Dimension } from '../../subgraphs/shared/statistics/statistics.js';
import { suppressCells, suppressCounts, type UnitCell } from '../../subgraphs/shared/statistics/suppression.js';

const k = 5;

/**
 * The people withheld and published on every line obtained by freeing the given axes. A line's
 * total is a coarser cell another grouping may publish: the total minus the published cells is the
 * withheld mass, which must be 0 or at least k, unless nothing of the line is published (then the
 * total itself is under k, and withheld by that grouping).
 */
function lines(cells: UnitCell[], suppressed: boolean[], axes: number[][]): Array<{ withheld: number; published: number }> {
  const found: Array<{ withheld: number; published: number }> = [];
  for (const freed of axes) {
    const byLine = new Map<string, { withheld: number; published: number }>();
    cells.forEach((cell, index) => {
      const key = JSON.stringify(cell.coordinates.filter((_, position) => !freed.includes(position)));
      const line = byLine.get(key) ?? { withheld: 0, published: 0 };
      if (suppressed[index]) line.withheld += cell.people;
      else line.published += cell.people;
      byLine.set(key, line);
    });
    found.push(...byLine.values());
  }
  return found;
}

/** A deterministic pseudo-random source, so a failing grid can be reproduced. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('complementary suppression', () => {
  it('withholds the next smallest cell of a line whose only withheld cell holds 1 person', () => {
    // One month, one country, three nationalities... here: three age groups of 12, 7 and 1 people.
    const cells: UnitCell[] = [
      { coordinates: ['2026-03', 'DOM', 'A'], people: 12 },
      { coordinates: ['2026-03', 'DOM', 'B'], people: 7 },
      { coordinates: ['2026-03', 'DOM', 'C'], people: 1 },
    ];
    const suppressed = suppressCells(cells, k, [2]);
    // Without the complement, the month-country total (20) minus 12 and 7 gives the 1.
    expect(suppressed).toEqual([false, true, true]);
    expect(20 - 12).toBeGreaterThanOrEqual(k);
  });

  it('leaves a line alone when what it withholds already holds k or more people', () => {
    const cells: UnitCell[] = [
      { coordinates: ['2026-03', 'DOM', 'A'], people: 12 },
      { coordinates: ['2026-03', 'DOM', 'B'], people: 3 },
      { coordinates: ['2026-03', 'DOM', 'C'], people: 4 },
    ];
    expect(suppressCells(cells, k, [2])).toEqual([false, true, true]);
  });

  it('on random three-dimensional grids, no line and no plane withholds between 1 and k−1 people', () => {
    const next = random(42);
    for (let trial = 0; trial < 200; trial += 1) {
      const cells: UnitCell[] = [];
      for (const a of ['a1', 'a2', 'a3'])
        for (const b of ['b1', 'b2', 'b3', 'b4'])
          for (const c of ['c1', 'c2']) {
            if (next() < 0.2) continue; // an empty cell: absent from SQL
            cells.push({ coordinates: ['2026-01', 'DOM', a, b, c], people: Math.floor(next() * 14) + 1 });
          }
      const suppressed = suppressCells(cells, k, [2, 3, 4]);
      for (const [index, cell] of cells.entries()) if (cell.people < k) expect(suppressed[index]).toBe(true);
      // Lines (one axis freed), planes (two) and the whole month-country cell (three): each a coarser
      // cell that another grouping may publish; the difference with the published cells is 0 or ≥ k.
      for (const line of lines(cells, suppressed, [[2], [3], [4], [2, 3], [2, 4], [3, 4], [2, 3, 4]])) {
        expect(line.withheld === 0 || line.withheld >= k || line.published === 0).toBe(true);
      }
      // Published cells are exact and never small.
      for (const [index, cell] of cells.entries()) if (!suppressed[index]) expect(cell.people).toBeGreaterThanOrEqual(k);
    }
  });
});

describe('publishing from the unit cells', () => {
  const nationality: Dimension = { field: 'nationality', sql: '', axis: 'country' };
  const sex: Dimension = { field: 'sex', sql: 'm.sex', values: ['FEMALE', 'MALE', 'OTHER', 'UNKNOWN'] };
  const rows: AggregateRow[] = [
    { __month: '2026-03', __country: 'SYR', sex: 'MALE', migrants: 9, __people: 9 },
    { __month: '2026-04', __country: 'SYR', sex: 'MALE', migrants: 6, __people: 6 },
    { __month: '2026-03', __country: 'SYR', sex: 'FEMALE', migrants: 1, __people: 1 },
    { __month: '2026-03', __country: 'AFG', sex: 'MALE', migrants: 2, __people: 2 },
  ];

  it('every bucket and the total are sums of published unit cells; empty and suppressed buckets look alike', () => {
    const result = publish(rows, [nationality, sex], ['migrants'], k);
    const syrMale = result.buckets.find((bucket) => bucket.nationality === 'SYR' && bucket.sex === 'MALE');
    // March SYR: 9 MALE and 1 FEMALE; the 1 is withheld and so is its line's next cell (the 9).
    expect(syrMale).toEqual({ nationality: 'SYR', sex: 'MALE', suppressed: false, migrants: 6 });
    const syrFemale = result.buckets.find((bucket) => bucket.nationality === 'SYR' && bucket.sex === 'FEMALE');
    const syrOther = result.buckets.find((bucket) => bucket.nationality === 'SYR' && bucket.sex === 'OTHER');
    expect(syrFemale).toEqual({ nationality: 'SYR', sex: 'FEMALE', suppressed: true, migrants: null });
    expect(syrOther).toEqual({ nationality: 'SYR', sex: 'OTHER', suppressed: true, migrants: null });
    expect(result.buckets).toHaveLength(8); // two nationalities present × every sex
    expect(result.total).toEqual({ migrants: 6 });
    expect(result.suppressedBuckets).toBe(7);
  });

  it('a coarser grouping minus a finer one never leaves between 1 and k−1 people', () => {
    const coarse = publish(
      [
        { __month: '2026-03', __country: 'SYR', migrants: 10, __people: 10 },
        { __month: '2026-04', __country: 'SYR', migrants: 6, __people: 6 },
        { __month: '2026-03', __country: 'AFG', migrants: 2, __people: 2 },
      ],
      [nationality],
      ['migrants'],
      k,
    );
    const fine = publish(rows, [nationality, sex], ['migrants'], k);
    const syrCoarse = coarse.buckets.find((bucket) => bucket.nationality === 'SYR')?.migrants as number;
    const syrFine = fine.buckets
      .filter((bucket) => bucket.nationality === 'SYR')
      .reduce((sum, bucket) => sum + ((bucket.migrants as number | null) ?? 0), 0);
    expect(syrCoarse).toBe(16);
    const difference = syrCoarse - syrFine;
    expect(difference === 0 || difference >= k).toBe(true);
    expect(coarse.total.migrants - fine.total.migrants).toBeGreaterThanOrEqual(k);
  });
});

describe('the months and countries listed', () => {
  const month: Dimension = { field: 'month', sql: '', axis: 'month' };
  const country: Dimension = { field: 'detectingCountry', sql: '', axis: 'country' };
  it('lists every month of the window and the filtered country, so an empty one looks like a withheld one', () => {
    const rows: AggregateRow[] = [{ __month: '2026-02', __country: 'MLT', detections: 1, __people: 3 }];
    const window = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z'), country: 'ITA' };
    const empty = publish([], [month, country], ['detections'], k, window);
    const withheld = publish(rows, [month], ['detections'], k, window);
    expect(empty.buckets).toEqual(
      ['2026-01', '2026-02', '2026-03'].map((value) => ({ month: value, detectingCountry: 'ITA', suppressed: true, detections: null })),
    );
    expect(withheld.buckets.map((bucket) => ({ ...bucket, month: 'any' }))).toEqual(
      Array(3).fill({ month: 'any', suppressed: true, detections: null }),
    );
    // Without a window: every month from the first to the last with data, the gap included.
    const open = publish([...rows, { __month: '2026-05', __country: 'MLT', detections: 2, __people: 30 }], [month], ['detections'], k);
    expect(open.buckets.map((bucket) => [bucket.month, bucket.detections])).toEqual([
      ['2026-02', null],
      ['2026-03', null],
      ['2026-04', null],
      ['2026-05', 2],
    ]);
  });
});

describe('calendar-month windows', () => {
  const columns = { time: 't', country: 'c' };
  it('refuses a window that does not start and end on a calendar month (UTC)', () => {
    expect(() => filterConditions({ from: new Date('2026-03-01T00:00:00.001Z') }, columns)).toThrow(/filter\.from/);
    expect(() => filterConditions({ to: new Date('2026-03-02T00:00:00Z') }, columns)).toThrow(/filter\.to/);
    expect(() => filterConditions({ from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') }, columns)).toThrow(
      /filter\.to/,
    );
    expect(filterConditions({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') }, columns).where).toEqual([
      't >= $1',
      't < $2',
    ]);
  });
});

describe('small-group counts', () => {
  it('gives no count for a group of one, and withholds a complement when the rest is small', () => {
    expect(suppressCounts({ traffickingVictims: 1, possibleTraffickingVictims: 0 }, 0, k)).toEqual({
      traffickingVictims: null,
      possibleTraffickingVictims: null,
    });
    // 12 confirmed, 2 possible, 1 other: the group size minus 12 would tell that the 3 others are not confirmed.
    expect(suppressCounts({ traffickingVictims: 12, possibleTraffickingVictims: 2 }, 1, k)).toEqual({
      traffickingVictims: null,
      possibleTraffickingVictims: null,
    });
    expect(suppressCounts({ traffickingVictims: 12, possibleTraffickingVictims: 6 }, 7, k)).toEqual({
      traffickingVictims: 12,
      possibleTraffickingVictims: 6,
    });
  });
});
