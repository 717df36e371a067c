import { encodeHistogram } from './histogram.ts';
import type { IterationCounts, RecorderSnapshot } from './recorder.ts';
import { NameStats } from './request-stats.ts';
import type { LoadResult, LoadSummary, ThresholdOutcome, TimePoint } from './result-types.ts';
import type { RunTotals } from './threshold-eval.ts';
import type { ExecutorType } from './types.ts';

/** The run's totals over every thread: counts summed and histograms added exactly. */
export interface MergedRun extends RunTotals {
  byName: Map<string, NameStats>;
  achievedRate: number;
}

/** Merges the snapshots of every thread (one, or one per worker). */
export function mergeSnapshots(snapshots: RecorderSnapshot[]): MergedRun {
  const overall = new NameStats();
  const byName = new Map<string, NameStats>();
  const iterations: IterationCounts = { started: 0, completed: 0, failed: 0, dropped: 0, interrupted: 0 };
  for (const snapshot of snapshots) {
    overall.add(snapshot.overall);
    for (const [name, stats] of Object.entries(snapshot.byName)) {
      const merged = byName.get(name) ?? new NameStats();
      merged.add(stats);
      byName.set(name, merged);
    }
    for (const key of Object.keys(iterations) as Array<keyof IterationCounts>)
      iterations[key] += snapshot.iterations[key];
  }
  const times = (pick: (s: RecorderSnapshot) => number | null) =>
    snapshots.map(pick).filter((t): t is number => t !== null);
  const origin = Math.min(...times((s) => s.times.origin));
  const lastEnd = Math.max(origin, ...times((s) => s.times.lastEnd), ...times((s) => s.times.lastStart));
  const firstStart = Math.min(...times((s) => s.times.firstStart));
  const lastStart = Math.max(...times((s) => s.times.lastStart));
  const span = (lastStart - firstStart) / 1000;
  const durationS = (lastEnd - origin) / 1000;
  // Starts per second over the span they were made in: k starts at exact 1/r intervals span (k-1)/r.
  const achievedRate =
    iterations.started > 1 && span > 0
      ? (iterations.started - 1) / span
      : durationS > 0
        ? iterations.started / durationS
        : 0;
  return { overall, byName, iterations, durationS, achievedRate };
}

export interface ResultParts {
  scenario: string;
  executor: ExecutorType;
  target: string;
  startedAt: Date;
  workers: number;
  run: MergedRun;
  timeSeries: TimePoint[];
  targetRate: number | null;
  thresholds: ThresholdOutcome[];
  aborted: string | null;
  failures: Map<string, number>;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The result of a run: its summary, time series and encoded histograms. */
export function buildResult(parts: ResultParts): LoadResult {
  const { run } = parts;
  const names = [...run.byName.keys()].sort();
  const summary: LoadSummary = {
    scenario: parts.scenario,
    executor: parts.executor,
    target: parts.target,
    startedAt: parts.startedAt.toISOString(),
    durationS: round(run.durationS, 3),
    workers: parts.workers,
    iterations: { ...run.iterations },
    targetRate: parts.targetRate === null ? null : round(parts.targetRate),
    achievedRate: round(run.achievedRate),
    overall: run.overall.summarize('overall', run.durationS),
    byName: names.map((name) => (run.byName.get(name) as NameStats).summarize(name, run.durationS)),
    thresholds: parts.thresholds,
    aborted: parts.aborted,
    passed: parts.thresholds.every((outcome) => outcome.ok),
    iterationErrors: [...parts.failures]
      .map(([message, count]) => ({ message, count }))
      .sort((a, b) => b.count - a.count)
      .slice(0, 10),
  };
  const encoded = (stats: NameStats) => ({
    corrected: encodeHistogram(stats.corrected),
    service: encodeHistogram(stats.service),
  });
  const byName: LoadResult['histograms']['byName'] = {};
  for (const name of names) byName[name] = encoded(run.byName.get(name) as NameStats);
  return { summary, timeSeries: parts.timeSeries, histograms: { overall: encoded(run.overall), byName } };
}
