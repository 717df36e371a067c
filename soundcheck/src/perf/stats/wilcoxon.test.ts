import { describe, expect, test } from 'vitest';
import { normalCdf, normalQuantile, studentTwoSidedP } from './distributions.ts';
import { holmAdjust } from './holm.ts';
import { normalSample } from './seeded-normal.ts';
import { hodgesLehmann, signedRankTest } from './wilcoxon.ts';

describe('distributions', { tags: ['unit', 'performance'] }, () => {
  test('the normal CDF and quantile match the tables', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829, 5);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
  });

  test("Student's t two-sided p matches the tables", () => {
    expect(studentTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 5);
    expect(studentTwoSidedP(4.032143, 5)).toBeCloseTo(0.01, 5);
    expect(studentTwoSidedP(3.290527, 1e6)).toBeCloseTo(0.001, 5);
  });
});

describe('the Wilcoxon signed-rank test', { tags: ['unit', 'performance'] }, () => {
  // Hollander & Wolfe's depression scores (R's ?wilcox.test example): V = 40, two-sided p = 0.0390625.
  const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
  const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
  const differences = x.map((value, i) => value - y[i]!);

  test('gives the exact p of the textbook example', () => {
    expect(signedRankTest(differences)).toEqual({
      n: 9,
      wPlus: 40,
      p: expect.closeTo(0.0390625, 10),
      method: 'exact',
    });
  });

  test('gives 2/2ⁿ when every difference has the same sign, and drops zeros', () => {
    expect(signedRankTest([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]).p).toBeCloseTo(2 / 1024, 12);
    expect(signedRankTest([-0.1, -0.2, -0.3, -0.4, -0.5, -0.6, -0.7, -0.8, -0.9, -1.0, 0, 0]).p).toBeCloseTo(
      2 / 1024,
      12,
    );
  });

  test('shares ranks between ties exactly (p from the conditional distribution)', () => {
    // Ranks 1.5, 1.5, 3, 4: W+ = 1.5 + 3 = 4.5 of 10; 8 of the 16 sign patterns give W+ ≤ 4.5, so p = 2 × 8/16 = 1.
    const result = signedRankTest([1, -1, 2, -3]);
    expect(result.wPlus).toBe(4.5);
    expect(result.p).toBeCloseTo(1, 12);
    expect(signedRankTest([1, 1, 2, 3]).p).toBeCloseTo(2 / 16, 12);
  });

  test('switches to the normal approximation above 50 pairs, agreeing with the exact p near the limit', () => {
    const shifted = normalSample(50, 7, 0.25);
    const exact = signedRankTest(shifted);
    const normal = signedRankTest([...shifted, 0.123456]);
    expect(exact.method).toBe('exact');
    expect(normal.method).toBe('normal');
    expect(Math.abs(Math.log(normal.p / exact.p))).toBeLessThan(0.5);
  });
});

describe('the Hodges–Lehmann interval', { tags: ['unit', 'performance'] }, () => {
  test('centres on the median of the Walsh averages', () => {
    expect(hodgesLehmann([1, 2, 3]).estimate).toBe(2);
    expect(hodgesLehmann([0, 0, 10]).estimate).toBe(2.5);
  });

  test('is the set of shifts the signed-rank test does not reject at 5 %', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const d = normalSample(15, seed, 0.3);
      const { low, high } = hodgesLehmann(d, 0.95);
      const pAt = (shift: number) => signedRankTest(d.map((v) => v - shift)).p;
      expect(pAt(low - 1e-9)).toBeLessThanOrEqual(0.05);
      expect(pAt(low + 1e-9)).toBeGreaterThan(0.05);
      expect(pAt(high + 1e-9)).toBeLessThanOrEqual(0.05);
      expect(pAt(high - 1e-9)).toBeGreaterThan(0.05);
    }
  });
});

describe("Holm's correction", { tags: ['unit', 'performance'] }, () => {
  test("matches R's p.adjust(method = 'holm')", () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((value, i) => {
      expect(adjusted[i]).toBeCloseTo(value, 12);
    });
    expect(holmAdjust([0.02, 0.001])).toEqual([0.02, 0.002]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
  });
});
