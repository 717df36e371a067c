import { describe, expect, test } from 'vitest';
import type { FlakyTest } from '../analytics/flaky.ts';
import { proposeEntries } from './propose.ts';

const flaky = (title: string, flipRatePct: number): FlakyTest => ({
  testId: title,
  title,
  file: 'tests/e2e/x.test.ts',
  runs: 11,
  flips: Math.round(flipRatePct / 10),
  flipRatePct,
  retriedThenPassed: 0,
  mixedCommits: 0,
  lastStatus: 'failed',
});

describe('quarantine proposals', { tags: ['unit', 'harness'] }, () => {
  test('tests at or past the flip-rate threshold get an entry expiring after the loan; the others none', () => {
    const entries = proposeEntries([flaky('often', 40), flaky('edge', 20), flaky('rare', 10)], {
      minFlipRatePct: 20,
      today: '2026-12-20',
      days: 14,
      owner: () => 'dev@example.test',
    });
    expect(entries).toEqual([
      {
        file: 'tests/e2e/x.test.ts',
        title: 'often',
        reason: 'flips between pass and fail: 4 flips in 11 runs (40%)',
        owner: 'dev@example.test',
        expires: '2027-01-03',
      },
      {
        file: 'tests/e2e/x.test.ts',
        title: 'edge',
        reason: 'flips between pass and fail: 2 flips in 11 runs (20%)',
        owner: 'dev@example.test',
        expires: '2027-01-03',
      },
    ]);
  });
});
