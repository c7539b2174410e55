import { lowerEnvelope, slope } from '../../bench/soak.js';

/** A garbage-collected heap: rises by `rise` MB a minute, collected every `period` minutes back to `trough` (+ `leak` per minute). */
function sawtooth(minutes: number, period: number, rise: number, trough: number, leak: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let at = 0; at <= minutes; at += 5 / 60) points.push([at, trough + leak * at + rise * (at % period)]);
  return points;
}

describe("the soak's memory judgement", () => {
  it('reads a sawtooth whose troughs stay put as flat, though its samples end high', () => {
    const points = sawtooth(10, 2.2, 50, 120, 0);
    const troughs = slope(lowerEnvelope(points, 5, 2.5));
    expect(Math.abs(troughs)).toBeLessThan(0.5);
  });

  it('finds a leak that lifts the troughs by 3 MB a minute', () => {
    const points = sawtooth(10, 2.2, 50, 120, 3);
    expect(slope(lowerEnvelope(points, 5, 2.5))).toBeGreaterThan(2);
  });

  it('follows a steady rise with no collection', () => {
    const points: Array<[number, number]> = Array.from({ length: 121 }, (_, index) => [index / 12, 100 + 4 * (index / 12)]);
    expect(slope(lowerEnvelope(points, 5, 2.5))).toBeCloseTo(4, 1);
  });
});
