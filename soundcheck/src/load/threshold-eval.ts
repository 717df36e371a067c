import type { Histogram } from './histogram.ts';
import type { IterationCounts } from './recorder.ts';
import type { NameStats } from './request-stats.ts';
import type { ThresholdOutcome } from './result-types.ts';
import { compare, type Threshold } from './thresholds.ts';
import type { TimeSeries } from './time-series.ts';

/** What the whole run measured, as final thresholds read it. */
export interface RunTotals {
  overall: NameStats;
  byName: ReadonlyMap<string, NameStats>;
  iterations: IterationCounts;
  durationS: number;
}

/** A latency aggregation of a histogram of µs, in ms; null when it is empty. */
export function aggregateLatency(threshold: Threshold, histogram: Histogram): number | null {
  if (histogram.totalCount === 0) return null;
  const { aggregation } = threshold;
  const us = (() => {
    switch (aggregation.kind) {
      case 'avg':
        return histogram.mean;
      case 'min':
        return histogram.minNonZeroValue;
      case 'max':
        return histogram.maxValue;
      case 'med':
        return histogram.getValueAtPercentile(50);
      case 'percentile':
        return histogram.getValueAtPercentile(aggregation.percentile);
      default:
        return Number.NaN;
    }
  })();
  return us / 1000;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function countOf(threshold: Threshold, count: number, seconds: number): number | null {
  if (threshold.aggregation.kind === 'count') return count;
  return seconds > 0 ? count / seconds : null;
}

/** The value a (non-windowed) threshold sees in the run's totals. */
export function observeTotals(threshold: Threshold, totals: RunTotals): number | null {
  const stats = threshold.name === null ? totals.overall : totals.byName.get(threshold.name);
  switch (threshold.metric) {
    case 'http_req_duration':
      return stats ? aggregateLatency(threshold, stats.corrected) : null;
    case 'http_req_service_duration':
      return stats ? aggregateLatency(threshold, stats.service) : null;
    case 'http_req_failed':
      return stats ? ratio(stats.failed, stats.requests) : null;
    case 'http_reqs':
      return countOf(threshold, stats?.requests ?? 0, totals.durationS);
    case 'iterations':
      return countOf(threshold, totals.iterations.started, totals.durationS);
    case 'dropped_iterations':
      return countOf(threshold, totals.iterations.dropped, totals.durationS);
  }
}

/** The value a windowed threshold sees over seconds [from, to] of the time series. */
export function observeWindow(threshold: Threshold, series: TimeSeries, from: number, to: number) {
  const seconds = to - from + 1;
  switch (threshold.metric) {
    case 'http_req_duration': {
      const histogram = series.window(from, to, threshold.name ?? undefined);
      return histogram ? aggregateLatency(threshold, histogram) : null;
    }
    case 'http_req_failed':
      return ratio(series.sum(from, to, 'errors'), series.sum(from, to, 'requests'));
    case 'http_reqs':
      return countOf(threshold, series.sum(from, to, 'requests'), seconds);
    case 'iterations':
      return countOf(threshold, series.sum(from, to, 'started'), seconds);
    case 'dropped_iterations':
      return countOf(threshold, series.sum(from, to, 'dropped'), seconds);
    default:
      return null;
  }
}

/** A windowed threshold, evaluated on every complete window as the run goes on; it keeps the worst value. */
export class WindowWatch {
  readonly threshold: Threshold;
  private nextSecond = 0;
  private ok = true;
  private observed: number | null = null;
  private evaluated = false;

  constructor(threshold: Threshold) {
    this.threshold = threshold;
  }

  /** Evaluates the windows ending at each second up to `lastComplete`; false once one failed. */
  advance(series: TimeSeries, lastComplete: number): boolean {
    const width = this.threshold.windowSeconds ?? 1;
    for (; this.nextSecond <= lastComplete; this.nextSecond++) {
      if (this.nextSecond < width - 1) continue;
      this.take(observeWindow(this.threshold, series, this.nextSecond - width + 1, this.nextSecond));
    }
    return this.ok;
  }

  /** The outcome; a run shorter than the window is judged as one window over all of it. */
  finish(series: TimeSeries, lastSecond: number): ThresholdOutcome {
    this.advance(series, lastSecond);
    if (!this.evaluated && lastSecond >= 0) this.take(observeWindow(this.threshold, series, 0, lastSecond));
    const { metricKey, rule, abortOnFail } = this.threshold;
    return { metric: metricKey, rule, ok: this.ok, observed: this.observed, abortOnFail };
  }

  private take(value: number | null): void {
    if (value === null) return;
    this.evaluated = true;
    const holds = compare(value, this.threshold.comparison, this.threshold.value);
    const worse =
      this.observed === null ||
      (this.ok && !holds) ||
      (holds === this.ok &&
        (this.threshold.comparison.startsWith('>') ? value < this.observed : value > this.observed));
    if (worse) this.observed = value;
    if (!holds) this.ok = false;
  }
}

/** A non-windowed threshold's outcome on the totals; no data is a failure, as a budget cannot be shown met. */
export function judgeTotals(threshold: Threshold, totals: RunTotals): ThresholdOutcome {
  const observed = observeTotals(threshold, totals);
  const ok = observed !== null && compare(observed, threshold.comparison, threshold.value);
  return {
    metric: threshold.metricKey,
    rule: threshold.rule,
    ok,
    observed,
    abortOnFail: threshold.abortOnFail,
  };
}
