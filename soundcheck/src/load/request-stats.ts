import {
  addEncoded,
  encodeHistogram,
  type Histogram,
  newHistogram,
  percentilesOf,
  recordMs,
} from './histogram.ts';
import type { ErrorKind, RequestStats, StatusClass } from './result-types.ts';

/** The counts and histograms of one request name (or of all of them), as they travel between threads. */
export interface EncodedNameStats {
  requests: number;
  failed: number;
  byStatusClass: Record<StatusClass, number>;
  byKind: Record<ErrorKind, number>;
  corrected: string;
  service: string;
}

const noStatus = (): Record<StatusClass, number> => ({ '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 });
const noKinds = (): Record<ErrorKind, number> => ({
  timeout: 0,
  reset: 0,
  refused: 0,
  protocol: 0,
  other: 0,
});

/** Status classes by hundreds (1 to 5): looked up, not built as a string at every request. */
const STATUS_CLASSES: readonly StatusClass[] = ['1xx', '1xx', '2xx', '3xx', '4xx', '5xx'];

/** One request's outcome: an HTTP status, or the kind of error that left it unanswered. */
export type Outcome = { status: number } | { error: ErrorKind };

/** Accumulates the requests of one name. */
export class NameStats {
  requests = 0;
  failed = 0;
  readonly byStatusClass = noStatus();
  readonly byKind = noKinds();
  readonly corrected: Histogram = newHistogram();
  readonly service: Histogram = newHistogram();

  record(correctedMs: number, serviceMs: number, outcome: Outcome): void {
    this.requests++;
    recordMs(this.corrected, correctedMs);
    recordMs(this.service, serviceMs);
    if ('error' in outcome) {
      this.failed++;
      this.byKind[outcome.error]++;
      return;
    }
    if (outcome.status >= 400) this.failed++;
    this.byStatusClass[
      STATUS_CLASSES[Math.min(5, Math.max(1, Math.floor(outcome.status / 100)))] as StatusClass
    ]++;
  }

  encode(): EncodedNameStats {
    return {
      requests: this.requests,
      failed: this.failed,
      byStatusClass: { ...this.byStatusClass },
      byKind: { ...this.byKind },
      corrected: encodeHistogram(this.corrected),
      service: encodeHistogram(this.service),
    };
  }

  /** Adds another name's or thread's figures: counts summed, histograms added exactly. */
  add(other: EncodedNameStats | NameStats): void {
    this.requests += other.requests;
    this.failed += other.failed;
    for (const key of Object.keys(this.byStatusClass) as StatusClass[])
      this.byStatusClass[key] += other.byStatusClass[key];
    for (const key of Object.keys(this.byKind) as ErrorKind[]) this.byKind[key] += other.byKind[key];
    if (other instanceof NameStats) {
      this.corrected.add(other.corrected);
      this.service.add(other.service);
    } else {
      addEncoded(this.corrected, other.corrected);
      addEncoded(this.service, other.service);
    }
  }

  summarize(name: string, durationS: number): RequestStats {
    return {
      name,
      requests: this.requests,
      failed: this.failed,
      throughput: durationS > 0 ? Math.round((this.requests / durationS) * 10) / 10 : 0,
      corrected: percentilesOf(this.corrected),
      service: percentilesOf(this.service),
      errors: { byStatusClass: { ...this.byStatusClass }, byKind: { ...this.byKind } },
    };
  }
}
