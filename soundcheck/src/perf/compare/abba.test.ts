import { describe, expect, test } from 'vitest';
import { firstSideOf, runPairs } from './abba.ts';

describe('ABBA trial pairs', { tags: ['unit', 'performance'] }, () => {
  test('alternate which API goes first, so a drifting machine weighs on both alike', () => {
    expect([0, 1, 2, 3].map(firstSideOf)).toEqual(['baseline', 'candidate', 'baseline', 'candidate']);
  });

  test('gather each endpoint’s figures by pair, leaving a pair an endpoint missed as NaN', async () => {
    const trials = await runPairs(3, async (pair) => ({
      baseline: new Map([['GET /a', 10 + pair], ...(pair === 1 ? [] : [['GET /b', 5] as [string, number]])]),
      candidate: new Map([
        ['GET /a', 20 + pair],
        ['GET /b', 6],
      ]),
    }));
    expect(trials).toEqual([
      { endpoint: 'GET /a', baseline: [10, 11, 12], candidate: [20, 21, 22] },
      { endpoint: 'GET /b', baseline: [5, Number.NaN, 5], candidate: [6, 6, 6] },
    ]);
  });
});
