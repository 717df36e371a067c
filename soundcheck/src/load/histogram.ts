import * as hdr from 'hdr-histogram-js';
import type { Percentiles } from './result-types.ts';

export type Histogram = hdr.Histogram;

/** Latencies in microseconds, 1 µs to one hour, 3 significant digits. */
export function newHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
    // 32-bit counts: about 4× faster to record than packed ones; ~90 kB each, and few are kept.
    bitBucketSize: 32,
    useWebAssembly: false,
  });
}

/** Records a latency given in milliseconds (clamped to the trackable range). */
export function recordMs(histogram: Histogram, ms: number): void {
  histogram.recordValue(Math.min(3_600_000_000, Math.max(1, Math.round(ms * 1000))));
}

export function encodeHistogram(histogram: Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

/** Adds an encoded histogram into `into`: an exact merge, whatever thread recorded it. */
export function addEncoded(into: Histogram, encoded: string): void {
  const decoded = hdr.decodeFromCompressedBase64(encoded, 32, false);
  into.add(decoded);
  decoded.destroy();
}

export function decodeHistogram(encoded: string): Histogram {
  const histogram = newHistogram();
  addEncoded(histogram, encoded);
  return histogram;
}

const ms = (us: number) => Math.round(us) / 1000;

/** A histogram's value at a percentile, in ms (null when it is empty). */
export function percentileMs(histogram: Histogram, percentile: number): number | null {
  return histogram.totalCount === 0 ? null : ms(histogram.getValueAtPercentile(percentile));
}

export function percentilesOf(histogram: Histogram): Percentiles {
  if (histogram.totalCount === 0)
    return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  const at = (p: number) => ms(histogram.getValueAtPercentile(p));
  return {
    count: histogram.totalCount,
    min: ms(histogram.minNonZeroValue),
    mean: ms(histogram.mean),
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    p999: at(99.9),
    max: ms(histogram.maxValue),
  };
}
