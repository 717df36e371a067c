import type { ExecutorType } from './types.ts';

/** Latency percentiles in milliseconds (HDR histogram, microsecond resolution, 3 significant digits). */
export interface Percentiles {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** Why a request got no HTTP answer: `protocol` is a garbage or truncated response. */
export type ErrorKind = 'timeout' | 'reset' | 'refused' | 'protocol' | 'other';

export const errorKinds: readonly ErrorKind[] = ['timeout', 'reset', 'refused', 'protocol', 'other'];

export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

export interface ErrorCounts {
  /** Every answered request by status class (2xx included, so the classes add up to the answers). */
  byStatusClass: Record<StatusClass, number>;
  /** Requests that got no answer. */
  byKind: Record<ErrorKind, number>;
}

/** The figures of one request name, or of all requests. */
export interface RequestStats {
  name: string;
  requests: number;
  /** Status ≥ 400 or no answer (k6's `http_req_failed`). */
  failed: number;
  /** Requests per second over the measured duration. */
  throughput: number;
  /** From the intended start of the iteration (carrying its lateness) to the end of the response. */
  corrected: Percentiles;
  /** From the actual send to the end of the response. */
  service: Percentiles;
  errors: ErrorCounts;
}

export interface ThresholdOutcome {
  /** As written, e.g. `http_req_duration{name:GET /v1/releases/{id}}`. */
  metric: string;
  /** As written, e.g. `p(95)<50` or `p(95)<50 over 10s`. */
  rule: string;
  ok: boolean;
  /** The value it saw (the worst window for a windowed rule); null when the metric had no data. */
  observed: number | null;
  abortOnFail: boolean;
}

/** The summary of one run of one scenario. */
export interface LoadSummary {
  scenario: string;
  executor: ExecutorType;
  target: string;
  startedAt: string;
  /** Measured time: from the first intended start to the last response. */
  durationS: number;
  workers: number;
  iterations: {
    started: number;
    completed: number;
    /** The iteration threw (an error answer it checked, or a transport error). */
    failed: number;
    /** Starts that found no free VU at their intended time (open executors). */
    dropped: number;
    /** Still running when the run ended and the graceful stop ran out. */
    interrupted: number;
  };
  /** Intended iteration starts per second (open executors), null for closed ones. */
  targetRate: number | null;
  /** Iteration starts per second achieved. */
  achievedRate: number;
  overall: RequestStats;
  byName: RequestStats[];
  thresholds: ThresholdOutcome[];
  /** The most frequent errors iterations threw (their message and count), at most 10. */
  iterationErrors: Array<{ message: string; count: number }>;
  /** Why the run ended early (`threshold …`, `interrupted`, `request cap …`), or null. */
  aborted: string | null;
  /** True when every threshold held (exit code 99 otherwise, as in k6). */
  passed: boolean;
}

/** One second of the run, by completion time. */
export interface TimePoint {
  /** Seconds since the start of the run (0-based). */
  second: number;
  targetRate: number | null;
  /** Iterations started in this second. */
  achievedRate: number;
  requests: number;
  /** Corrected latency of the requests that completed in this second, ms (null when none did). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errors: number;
  dropped: number;
  activeVUs: number;
}

/** HDR histograms, compressed base64 (`hdr-histogram-js` `encodeIntoCompressedBase64`), values in µs. */
export interface EncodedLatencies {
  corrected: string;
  service: string;
}

export interface LoadResult {
  summary: LoadSummary;
  timeSeries: TimePoint[];
  histograms: { overall: EncodedLatencies; byName: Record<string, EncodedLatencies> };
}
