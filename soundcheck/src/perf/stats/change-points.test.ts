import { describe, expect, test } from 'vitest';
import { changePoints, tTestP } from './change-points.ts';
import { normalSample } from './seeded-normal.ts';

/** A metric around `levels[i]` for `lengths[i]` runs each, with 2 % noise. */
function planted(levels: number[], lengths: number[], seed: number): number[] {
  const noise = normalSample(
    lengths.reduce((a, b) => a + b, 0),
    seed,
  );
  let at = 0;
  return levels.flatMap((level, i) =>
    Array.from({ length: lengths[i]! }, () => level * (1 + 0.02 * noise[at++]!)),
  );
}

describe('change points (E-divisive means, t-test, Otava defaults)', {
  tags: ['unit', 'performance'],
}, () => {
  test("Student's t-test matches a textbook value", () => {
    // Two groups of 5 with means 1 and 2 and pooled variance 0.625: t = 2, df = 8, p = 0.0805.
    expect(tTestP([0, 0.5, 1, 1.5, 2], [1, 1.5, 2, 2.5, 3])).toBeCloseTo(0.0805, 4);
  });

  test('finds a planted 10 % step at its index', () => {
    for (const seed of [1, 2, 3]) {
      const points = changePoints(planted([10, 11], [40, 40], seed));
      expect(points).toHaveLength(1);
      expect(points[0]?.index).toBeGreaterThanOrEqual(39);
      expect(points[0]?.index).toBeLessThanOrEqual(41);
      expect(points[0]?.forwardChange).toBeCloseTo(0.1, 1);
    }
  });

  test('finds several steps, up and down, across windows of a long history', () => {
    const series = planted([10, 12, 9, 9.9], [45, 50, 60, 45], 4);
    const found = changePoints(series).map((p) => p.index);
    expect(found).toHaveLength(3);
    [45, 95, 155].forEach((expected, i) => {
      expect(Math.abs(found[i]! - expected)).toBeLessThanOrEqual(2);
    });
  });

  test('reports nothing on noise alone, in nearly every series', () => {
    let falseAlarms = 0;
    for (let seed = 1; seed <= 40; seed++) falseAlarms += changePoints(planted([10], [120], seed)).length;
    expect(falseAlarms).toBeLessThanOrEqual(2);
  });

  test('needs no more than a handful of points on each side', () => {
    expect(changePoints([1, 1.01, 0.99, 1, 2, 2.01, 1.99, 2])).toEqual([
      expect.objectContaining({
        index: 4,
        meanBefore: expect.closeTo(1, 2),
        meanAfter: expect.closeTo(2, 2),
      }),
    ]);
    expect(changePoints([])).toEqual([]);
    expect(changePoints([5])).toEqual([]);
  });
});
