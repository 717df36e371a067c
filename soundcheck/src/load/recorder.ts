import { encodeHistogram, type Histogram, newHistogram, recordMs } from './histogram.ts';
import { type EncodedNameStats, NameStats, type Outcome } from './request-stats.ts';

/**
 * One second of one thread's run, by completion time; merged across threads by `TimeSeries`. Its
 * histograms stay objects on the thread that made them and travel from a worker encoded (`H = string`).
 */
export interface SecondBucket<H extends Histogram | string = Histogram | string> {
  second: number;
  /** Intended starts that fell in this second (open executors: started + dropped). */
  scheduled: number;
  started: number;
  requests: number;
  errors: number;
  dropped: number;
  activeVUs: number;
  /** Corrected latencies of all requests, and of the names a windowed threshold watches. */
  corrected: H;
  byName: Record<string, H>;
}

/** A second as a worker posts it: histograms encoded (HDR compressed base64). */
export function encodeSecond(bucket: SecondBucket<Histogram>): SecondBucket<string> {
  const byName: Record<string, string> = {};
  for (const [name, histogram] of Object.entries(bucket.byName)) byName[name] = encodeHistogram(histogram);
  return { ...bucket, corrected: encodeHistogram(bucket.corrected), byName };
}

export interface IterationCounts {
  started: number;
  completed: number;
  failed: number;
  dropped: number;
  interrupted: number;
}

/** Everything one thread measured, as it travels to the main thread. */
export interface RecorderSnapshot {
  iterations: IterationCounts;
  overall: EncodedNameStats;
  byName: Record<string, EncodedNameStats>;
  /** Epoch milliseconds (`performance.timeOrigin` based), comparable across threads. */
  times: { origin: number; firstStart: number | null; lastStart: number | null; lastEnd: number | null };
}

const epoch = (ms: number) => ms + performance.timeOrigin;

interface OpenBucket {
  second: number;
  scheduled: number;
  started: number;
  requests: number;
  errors: number;
  dropped: number;
  activeVUs: number;
  corrected: Histogram;
  byName: Map<string, Histogram>;
}

/** Collects one thread's measurements; times are the clock's milliseconds. */
export class Recorder {
  readonly iterations: IterationCounts = { started: 0, completed: 0, failed: 0, dropped: 0, interrupted: 0 };
  readonly byName = new Map<string, NameStats>();
  activeVUs = 0;
  private firstStart: number | null = null;
  private lastStart: number | null = null;
  private lastEnd: number | null = null;
  private bucket: OpenBucket;
  private readonly closed: Array<SecondBucket<Histogram>> = [];

  private readonly origin: number;
  private readonly watchedNames: ReadonlySet<string>;

  constructor(origin: number, watchedNames: ReadonlySet<string> = new Set()) {
    this.origin = origin;
    this.watchedNames = watchedNames;
    this.bucket = this.openBucket(0);
  }

  scheduled(now: number): void {
    this.at(now).scheduled++;
  }

  dropped(now: number): void {
    this.iterations.dropped++;
    this.at(now).dropped++;
  }

  iterationStarted(now: number): void {
    this.iterations.started++;
    this.activeVUs++;
    this.firstStart ??= now;
    this.lastStart = now;
    const bucket = this.at(now);
    bucket.started++;
    bucket.activeVUs = Math.max(bucket.activeVUs, this.activeVUs);
  }

  iterationEnded(ok: boolean | 'interrupted'): void {
    this.activeVUs--;
    if (ok === 'interrupted') this.iterations.interrupted++;
    else if (ok) this.iterations.completed++;
    else this.iterations.failed++;
  }

  request(name: string, now: number, correctedMs: number, serviceMs: number, outcome: Outcome): void {
    let stats = this.byName.get(name);
    if (!stats) {
      stats = new NameStats();
      this.byName.set(name, stats);
    }
    stats.record(correctedMs, serviceMs, outcome);
    this.lastEnd = now;
    const bucket = this.at(now);
    bucket.requests++;
    if ('error' in outcome || outcome.status >= 400) bucket.errors++;
    recordMs(bucket.corrected, correctedMs);
    if (this.watchedNames.has(name)) {
      let histogram = bucket.byName.get(name);
      if (!histogram) {
        histogram = newHistogram();
        bucket.byName.set(name, histogram);
      }
      recordMs(histogram, correctedMs);
    }
  }

  /** The seconds completed before `now` (all of them when `final`), each handed out once. */
  takeSeconds(now: number, final = false): Array<SecondBucket<Histogram>> {
    this.at(now);
    if (final) this.close(this.openBucket(this.bucket.second + 1));
    return this.closed.splice(0);
  }

  snapshot(): RecorderSnapshot {
    // All requests = the sum of the names (an exact merge), so each request is recorded once per latency.
    const overall = new NameStats();
    const byName: Record<string, EncodedNameStats> = {};
    for (const [name, stats] of this.byName) {
      byName[name] = stats.encode();
      overall.add(stats);
    }
    return {
      iterations: { ...this.iterations },
      overall: overall.encode(),
      byName,
      times: {
        origin: epoch(this.origin),
        firstStart: this.firstStart === null ? null : epoch(this.firstStart),
        lastStart: this.lastStart === null ? null : epoch(this.lastStart),
        lastEnd: this.lastEnd === null ? null : epoch(this.lastEnd),
      },
    };
  }

  private at(now: number): OpenBucket {
    const second = Math.max(0, Math.floor((now - this.origin) / 1000));
    while (second > this.bucket.second) this.close(this.openBucket(this.bucket.second + 1));
    return this.bucket;
  }

  private close(next: OpenBucket): void {
    const { corrected, byName, ...counts } = this.bucket;
    this.closed.push({ ...counts, corrected, byName: Object.fromEntries(byName) });
    this.bucket = next;
  }

  private openBucket(second: number): OpenBucket {
    return {
      second,
      scheduled: 0,
      started: 0,
      requests: 0,
      errors: 0,
      dropped: 0,
      activeVUs: this.activeVUs,
      corrected: newHistogram(),
      byName: new Map(),
    };
  }
}
