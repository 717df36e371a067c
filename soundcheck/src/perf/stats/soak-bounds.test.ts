import { describe, expect, test } from 'vitest';
import { judgeSoak, processFigures, type SoakSample } from './soak-bounds.ts';

const bounds = { warmupS: 10, rssGrowthMiB: 32, eldGrowthMs: 30 };
/** Samples every 5 s for 60 s: RSS and delay as functions of the second. */
const soak = (rss: (s: number) => number, eld: (s: number) => number): SoakSample[] =>
  Array.from({ length: 12 }, (_, i) => (i + 1) * 5).map((second) => ({
    second,
    rssMiB: rss(second),
    eldP99Ms: eld(second),
  }));

describe('soak-lite bounds', { tags: ['unit', 'performance'] }, () => {
  test('a steady process holds both bounds, its warm-up and one slow window notwithstanding', () => {
    const verdict = judgeSoak(
      soak(
        (s) => (s <= 10 ? 60 + s * 5 : 120 + (s % 10)),
        (s) => (s === 50 ? 400 : 12),
      ),
      bounds,
    );
    expect(verdict.failures).toEqual([]);
    expect(verdict).toMatchObject({ eldEarlyMs: 12, eldLateMs: 12 });
  });

  test('a leak of 2 MiB a second breaks the RSS bound, naming the growth', () => {
    const verdict = judgeSoak(
      soak(
        (s) => 100 + 2 * s,
        () => 12,
      ),
      bounds,
    );
    expect(verdict.failures).toEqual(['RSS grew 70 MiB (140 → 210), bound 32 MiB']);
  });

  test('a delay that keeps growing breaks the event-loop bound', () => {
    const verdict = judgeSoak(
      soak(
        () => 120,
        (s) => s,
      ),
      bounds,
    );
    expect(verdict.failures).toEqual(['event-loop delay p99 grew 35 ms (20 → 55), bound 30 ms']);
  });

  test('too few samples after the warm-up is an error, not a pass', () => {
    expect(() =>
      judgeSoak(
        soak(
          () => 1,
          () => 1,
        ).slice(0, 3),
        bounds,
      ),
    ).toThrow(/too few/);
  });

  test('reads RSS and the delay p99 from Prometheus text; a target without them gives undefined', () => {
    const text = [
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      'process_resident_memory_bytes 157286400',
      'nodejs_eventloop_lag_p99_seconds 0.0123',
    ].join('\n');
    expect(processFigures(text)).toEqual({ rssMiB: 150, eldP99Ms: 12.3 });
    expect(processFigures('http_request_duration_seconds_count 3')).toBeUndefined();
  });
});
