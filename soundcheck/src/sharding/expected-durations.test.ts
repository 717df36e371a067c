import { describe, expect, test } from 'vitest';
import { expectedDurations, type FileTime } from './expected-durations.ts';

const run = (runId: string, factor: number, base: Record<string, number>): FileTime[] =>
  Object.entries(base).map(([file, ms]) => ({ runId, file, ms: ms * factor }));

describe('expected file durations from the history', { tags: ['unit', 'harness'] }, () => {
  test('a run on an overloaded shard (everything 3× slower) does not move the estimate', () => {
    const base = { a: 1000, b: 200, c: 50 };
    const times = [...run('r1', 1, base), ...run('r2', 1, base), ...run('r3', 3, base)];
    const expected = expectedDurations(times);
    expect(Object.fromEntries(expected)).toEqual(base);
  });

  test('a file that really got slower shows it, though its run was otherwise normal', () => {
    const times = [
      ...run('r1', 1, { a: 100, b: 100, c: 100 }),
      ...run('r2', 1, { a: 100, b: 100, c: 100 }),
      ...run('r3', 1, { a: 100, b: 100, c: 400 }),
      ...run('r4', 1, { a: 100, b: 100, c: 400 }),
      ...run('r5', 1, { a: 100, b: 100, c: 400 }),
    ];
    expect(expectedDurations(times).get('c')).toBe(400);
  });

  test('no history, no estimates', () => {
    expect(expectedDurations([]).size).toBe(0);
  });
});
