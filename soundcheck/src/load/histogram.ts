import * as hdr from 'hdr-histogram-js';
import type { Percentiles } from './result-types.ts';

export type Histogram = hdr.Histogram;

/**
 * Latencies in microseconds, 1 µs to one hour (`recordMs` clamps), 3 significant digits. The counts
 * grow with the largest value seen: a second of 20 ms latencies needs ~24 kB, not the ~94 kB an
 * hour's range takes up front (several are made each second, and RSS followed them).
 */
export function newHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 2,
    autoResize: true,
    numberOfSignificantValueDigits: 3,
    // 32-bit counts: about 4× faster to record than packed ones.
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
const ulp = (x: number) => 2 ** (Math.floor(Math.log2(x)) - 52);

/**
 * The values at several percentiles, each exactly as `getValueAtPercentile` gives it, in one pass over
 * the counts up to the largest value (that method scans all ~23,000 counts once per percentile).
 */
export function valuesAtPercentiles(histogram: Histogram, percentiles: readonly number[]): number[] {
  const counts = histogram as unknown as hdr.JsHistogram;
  const targets = percentiles.map((p) => {
    const count = (Math.min(p, 100) / 100) * counts.totalCount;
    return Math.max(Math.ceil(count - ulp(count)), 1);
  });
  const order = targets.map((_, i) => i).sort((a, b) => (targets[a] as number) - (targets[b] as number));
  const values = percentiles.map(() => 0);
  let next = 0;
  let running = 0;
  for (let index = 0; index < counts.countsArrayLength && next < order.length; index++) {
    running += counts.getCountAtIndex(index);
    while (next < order.length && running >= (targets[order[next] as number] as number)) {
      const which = order[next++] as number;
      const value = counts.valueFromIndex(index);
      values[which] =
        percentiles[which] === 0 ? counts.lowestEquivalentValue(value) : counts.highestEquivalentValue(value);
    }
  }
  return values;
}

/** The mean, exactly as the `mean` getter gives it, without its (slow) iterator. */
export function meanOf(histogram: Histogram): number {
  const counts = histogram as unknown as hdr.JsHistogram;
  if (counts.totalCount === 0) return 0;
  let sum = 0;
  for (let index = 0; index < counts.countsArrayLength; index++) {
    const count = counts.getCountAtIndex(index);
    if (count > 0) sum += counts.medianEquivalentValue(counts.valueFromIndex(index)) * count;
  }
  return sum / counts.totalCount;
}

/** A histogram's values at percentiles, in ms (nulls when it is empty). */
export function percentilesMs(histogram: Histogram, percentiles: readonly number[]): Array<number | null> {
  if (histogram.totalCount === 0) return percentiles.map(() => null);
  return valuesAtPercentiles(histogram, percentiles).map(ms);
}

const SUMMARY_PERCENTILES = [50, 90, 95, 99, 99.9] as const;

export function percentilesOf(histogram: Histogram): Percentiles {
  if (histogram.totalCount === 0)
    return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  const [p50 = 0, p90 = 0, p95 = 0, p99 = 0, p999 = 0] = valuesAtPercentiles(
    histogram,
    SUMMARY_PERCENTILES,
  ).map(ms);
  return {
    count: histogram.totalCount,
    min: ms(histogram.minNonZeroValue),
    mean: ms(meanOf(histogram)),
    p50,
    p90,
    p95,
    p99,
    p999,
    max: ms(histogram.maxValue),
  };
}
