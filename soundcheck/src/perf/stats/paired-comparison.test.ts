import { describe, expect, test } from 'vitest';
import { noiseReport } from './noise.ts';
import { comparePaired, pairsNeeded } from './paired-comparison.ts';
import { normalSample } from './seeded-normal.ts';

/** Per-trial figures around `ms` with multiplicative noise of `cv`, as a machine gives them. */
function trials(ms: number, cv: number, seed: number, n = 10): number[] {
  return normalSample(n, seed).map((z) => ms * Math.exp(cv * z));
}

describe('the paired regression gate', { tags: ['unit', 'performance'] }, () => {
  test('flags a planted 10 % slowdown on one endpoint and only there', () => {
    const rows = comparePaired([
      { endpoint: 'GET /a', baseline: trials(4, 0.02, 1), candidate: trials(4, 0.02, 2) },
      { endpoint: 'GET /b', baseline: trials(6, 0.02, 3), candidate: trials(6 * 1.1, 0.02, 4) },
      { endpoint: 'GET /c', baseline: trials(9, 0.02, 5), candidate: trials(9, 0.02, 6) },
    ]);
    expect(rows.map((r) => r.verdict)).toEqual(['same', 'slower', 'same']);
    const slowed = rows[1]!;
    expect(slowed.ratio).toBeGreaterThan(1.05);
    expect(slowed.ciLow).toBeLessThan(1.1);
    expect(slowed.ciHigh).toBeGreaterThan(1.1);
    expect(slowed.pAdjusted).toBeLessThanOrEqual(0.01);
  });

  test('calls a large improvement faster', () => {
    const [row] = comparePaired([
      { endpoint: 'GET /a', baseline: trials(10, 0.02, 7), candidate: trials(8, 0.02, 8) },
    ]);
    expect(row?.verdict).toBe('faster');
    expect(row?.ratio).toBeCloseTo(0.8, 1);
  });

  test('calls a significant change smaller than the minimum effect the same', () => {
    const [row] = comparePaired([
      { endpoint: 'GET /a', baseline: trials(10, 0.002, 9), candidate: trials(10.3, 0.002, 10) },
    ]);
    expect(row?.pAdjusted).toBeLessThanOrEqual(0.01);
    expect(row?.verdict).toBe('same');
  });

  test('says inconclusive, never same, when too few trials are valid', () => {
    const baseline = trials(5, 0.02, 11);
    const candidate = trials(5.5, 0.02, 12).map((v, i) => (i < 4 ? Number.NaN : v));
    const [row] = comparePaired([{ endpoint: 'GET /a', baseline, candidate }]);
    expect(row?.validPairs).toBe(6);
    expect(row?.verdict).toBe('inconclusive');
  });

  test('needs more pairs as the endpoints compared grow (Holm)', () => {
    expect(pairsNeeded(1)).toBe(8);
    expect(pairsNeeded(4)).toBe(10);
    expect(pairsNeeded(20)).toBe(12);
    const ten = (seed: number) => ({
      endpoint: `GET /${seed}`,
      baseline: trials(5, 0.02, seed),
      candidate: trials(6, 0.02, seed + 100),
    });
    const many = comparePaired(Array.from({ length: 6 }, (_, i) => ten(i + 20)));
    expect(many.every((row) => row.verdict === 'inconclusive')).toBe(true);
  });
});

describe('the A/A noise report', { tags: ['unit', 'performance'] }, () => {
  test("reads the machine's noise and the effect it could detect", () => {
    const quiet = {
      endpoint: 'GET /quiet',
      baseline: trials(5, 0.01, 30, 20),
      candidate: trials(5, 0.01, 31, 20),
    };
    const loud = {
      endpoint: 'GET /loud',
      baseline: trials(5, 0.1, 32, 20),
      candidate: trials(5, 0.1, 33, 20),
    };
    const [q, l] = noiseReport([quiet, loud]);
    expect(q?.cv).toBeCloseTo(0.01, 2);
    expect(l?.cv).toBeGreaterThan(0.05);
    expect(q?.detectable).toBe(0.05);
    expect(l?.detectable).toBeGreaterThan(0.1);
  });
});
