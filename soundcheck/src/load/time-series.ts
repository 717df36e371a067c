import { decodeHistogram, type Histogram, newHistogram, percentilesMs } from './histogram.ts';
import type { SecondBucket } from './recorder.ts';
import type { TimePoint } from './result-types.ts';

interface MergedSecond {
  counts: Omit<SecondBucket, 'corrected' | 'byName'>;
  /** Kept only while a windowed threshold may still read this second. */
  corrected: Histogram | null;
  byName: Map<string, Histogram> | null;
  point: TimePoint | null;
}

const histogramOf = (value: Histogram | string) =>
  typeof value === 'string' ? decodeHistogram(value) : value;

/**
 * The run's seconds, merged across threads (counts summed, histograms added), turned into points.
 * Histograms older than `keepSeconds` are dropped once a point is made, so memory stays flat.
 */
export class TimeSeries {
  private readonly seconds = new Map<number, MergedSecond>();
  /** Everything so far, all requests and per watched name: cumulative thresholds read these during the run. */
  private readonly total = newHistogram();
  private readonly totalByName = new Map<string, Histogram>();
  private readonly keepSeconds: number;
  private readonly targetRateAt: (second: number) => number | null;

  constructor(keepSeconds: number, targetRateAt: (second: number) => number | null) {
    this.keepSeconds = keepSeconds;
    this.targetRateAt = targetRateAt;
  }

  /** Adds a thread's second; its histograms (objects from this thread, or encoded from a worker) are taken over. */
  add(bucket: SecondBucket): void {
    const corrected = histogramOf(bucket.corrected);
    let merged = this.seconds.get(bucket.second);
    if (!merged) {
      const { corrected: _c, byName: _n, ...counts } = bucket;
      merged = { counts: { ...counts }, corrected, byName: new Map(), point: null };
      this.seconds.set(bucket.second, merged);
    } else {
      merged.corrected?.add(corrected);
      const c = merged.counts;
      c.scheduled += bucket.scheduled;
      c.started += bucket.started;
      c.requests += bucket.requests;
      c.errors += bucket.errors;
      c.dropped += bucket.dropped;
      c.activeVUs += bucket.activeVUs;
      merged.point = null;
    }
    this.total.add(corrected);
    for (const [name, encoded] of Object.entries(bucket.byName)) {
      const histogram = histogramOf(encoded);
      const kept = merged.byName?.get(name);
      if (kept) kept.add(histogram);
      else merged.byName?.set(name, histogram);
      const total = this.totalByName.get(name) ?? newHistogram();
      total.add(histogram);
      this.totalByName.set(name, total);
    }
  }

  /** The last second every thread has reported (the newest complete one), or -1. */
  latestSecond(): number {
    return Math.max(-1, ...this.seconds.keys());
  }

  /** Corrected latency histograms of seconds [from, to], all requests or one name; null if none. */
  window(from: number, to: number, name?: string): Histogram | null {
    if (from === 0 && to >= this.latestSecond())
      return name === undefined ? this.total : (this.totalByName.get(name) ?? null);
    const total = newHistogram();
    for (let second = from; second <= to; second++) {
      const merged = this.seconds.get(second);
      const histogram = name === undefined ? merged?.corrected : merged?.byName?.get(name);
      if (histogram) total.add(histogram);
    }
    return total;
  }

  /** Sums of one count over seconds [from, to]. */
  sum(from: number, to: number, key: 'requests' | 'errors' | 'started' | 'dropped'): number {
    let total = 0;
    for (let second = from; second <= to; second++) total += this.seconds.get(second)?.counts[key] ?? 0;
    return total;
  }

  /** Points for every second so far (gaps filled with zeros), freeing histograms no window needs. */
  points(): TimePoint[] {
    const last = this.latestSecond();
    const points: TimePoint[] = [];
    for (let second = 0; second <= last; second++) {
      const merged = this.seconds.get(second);
      points.push(merged ? this.pointOf(second, merged) : this.emptyPoint(second));
      if (merged && second < last - this.keepSeconds) {
        merged.corrected = null;
        merged.byName = null;
      }
    }
    return points;
  }

  private pointOf(second: number, merged: MergedSecond): TimePoint {
    if (merged.point && !merged.corrected) return merged.point;
    const { counts, corrected } = merged;
    const [p50 = null, p95 = null, p99 = null] = corrected ? percentilesMs(corrected, [50, 95, 99]) : [];
    merged.point = {
      second,
      targetRate: this.targetRateAt(second),
      achievedRate: counts.started,
      requests: counts.requests,
      p50,
      p95,
      p99,
      errors: counts.errors,
      dropped: counts.dropped,
      activeVUs: counts.activeVUs,
    };
    return merged.point;
  }

  private emptyPoint(second: number): TimePoint {
    const zeros = { achievedRate: 0, requests: 0, errors: 0, dropped: 0, activeVUs: 0 };
    return { second, targetRate: this.targetRateAt(second), p50: null, p95: null, p99: null, ...zeros };
  }
}
