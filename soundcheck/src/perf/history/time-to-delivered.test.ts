import { describe, expect, test } from 'vitest';
import { nearestRank, TimeToDelivered } from './time-to-delivered.ts';

describe('time-to-delivered as a distribution', { tags: ['unit', 'performance'] }, () => {
  test('nearest-rank percentiles: the value at or above which the rest lie', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([0.5, 0.95, 0.99, 1].map((q) => nearestRank(values, q))).toEqual([50, 95, 99, 100]);
    expect(nearestRank([7], 0.99)).toBe(7);
    expect(() => nearestRank([], 0.5)).toThrow(RangeError);
  });

  test('per kind, into the history under the prefix, the count beside the percentiles', () => {
    const timings = new TimeToDelivered();
    for (const ms of [400, 100, 300, 200]) timings.add('sftp', ms);
    timings.add('release', 950.04);
    expect(timings.history('smoke ')).toEqual([
      { name: 'perf_time_to_delivered_p50_ms', label: 'smoke sftp', value: 200 },
      { name: 'perf_time_to_delivered_p95_ms', label: 'smoke sftp', value: 400 },
      { name: 'perf_time_to_delivered_p99_ms', label: 'smoke sftp', value: 400 },
      { name: 'perf_time_to_delivered_count', label: 'smoke sftp', value: 4 },
      { name: 'perf_time_to_delivered_p50_ms', label: 'smoke release', value: 950 },
      { name: 'perf_time_to_delivered_p95_ms', label: 'smoke release', value: 950 },
      { name: 'perf_time_to_delivered_p99_ms', label: 'smoke release', value: 950 },
      { name: 'perf_time_to_delivered_count', label: 'smoke release', value: 1 },
    ]);
    expect(timings.percentiles('s3')).toBeUndefined();
    expect(timings.summary()).toBe('sftp 200 / 400 / 400 ms (n=4); release 950 / 950 / 950 ms (n=1)');
  });
});
