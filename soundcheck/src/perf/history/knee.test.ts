import { describe, expect, test } from 'vitest';
import type { TimePoint } from '../../load/index.ts';
import { findKnee } from './knee.ts';

const point = (second: number, rate: number, p99: number, errors = 0): TimePoint => ({
  second,
  targetRate: rate,
  achievedRate: rate,
  requests: 100,
  p50: p99 / 3,
  p95: p99 / 1.5,
  p99,
  errors,
  dropped: 0,
  activeVUs: 1,
});

describe('the knee of a stress ramp', { tags: ['unit', 'performance'] }, () => {
  test('is the first rate whose p99 breaks away from the calm start, two seconds running', () => {
    const series = [
      ...[1, 2, 3, 4, 5, 6, 7].map((s) => point(s, s * 10, 20)),
      point(8, 80, 200), // one slow second: noise
      point(9, 90, 22),
      point(10, 100, 240),
      point(11, 110, 900),
    ];
    expect(findKnee(series)).toMatchObject({ rate: 100, second: 10, baselineP99: 20 });
  });

  test('breaks on errors as well as on latency', () => {
    const series = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => point(s, s * 5, 20, s >= 7 ? 5 : 0));
    expect(findKnee(series).rate).toBe(35);
  });

  test('is null when the ramp never broke', () => {
    expect(findKnee([1, 2, 3, 4, 5, 6, 7, 8].map((s) => point(s, s, 20))).rate).toBeNull();
  });
});
