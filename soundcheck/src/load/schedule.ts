import { LoadConfigError, parseDuration } from './durations.ts';
import type { ExecutorConfig, RampingArrivalRate, Stage } from './types.ts';

/** A piece of the rate curve: from `fromRate` to `toRate` iterations per ms, linearly, over `durationMs`. */
interface RateSegment {
  startMs: number;
  durationMs: number;
  fromRate: number;
  toRate: number;
}

function timeUnitMs(config: { timeUnit?: string | number }): number {
  const unit = parseDuration(config.timeUnit ?? '1s', 'timeUnit');
  if (unit <= 0) throw new LoadConfigError('timeUnit must be longer than 0');
  return unit;
}

function stagesOf(stages: Stage[], what: string): Array<{ target: number; durationMs: number }> {
  if (!Array.isArray(stages) || stages.length === 0)
    throw new LoadConfigError(`${what} needs at least one stage, e.g. --stages 30s:100,1m:100`);
  return stages.map((stage, index) => {
    if (!Number.isFinite(stage.target) || stage.target < 0)
      throw new LoadConfigError(`${what}: stage ${index + 1} needs a target ≥ 0`);
    return { target: stage.target, durationMs: parseDuration(stage.duration, `stage ${index + 1}`) };
  });
}

/** The rate curve of an open executor, per millisecond. */
export function rateSegments(config: ExecutorConfig): RateSegment[] {
  if (config.type === 'constant-arrival-rate') {
    const rate = config.rate / timeUnitMs(config);
    return [
      { startMs: 0, durationMs: parseDuration(config.duration, 'duration'), fromRate: rate, toRate: rate },
    ];
  }
  if (config.type === 'ramping-arrival-rate') return rampingSegments(config);
  return [];
}

function rampingSegments(config: RampingArrivalRate): RateSegment[] {
  const unit = timeUnitMs(config);
  let startMs = 0;
  let fromRate = (config.startRate ?? 0) / unit;
  return stagesOf(config.stages, 'ramping-arrival-rate').map(({ target, durationMs }) => {
    const segment = { startMs, durationMs, fromRate, toRate: target / unit };
    startMs += durationMs;
    fromRate = segment.toRate;
    return segment;
  });
}

/**
 * The intended start (ms from the run's start) of every iteration of an open executor: iteration k
 * starts when the integral of the rate reaches k, so a constant rate r gives k / r exactly.
 */
export function* arrivalTimes(segments: RateSegment[]): Generator<number> {
  let k = 0;
  let before = 0; // iterations due before the current segment
  for (const { startMs, durationMs, fromRate, toRate } of segments) {
    const slope = durationMs > 0 ? (toRate - fromRate) / durationMs : 0;
    const total = fromRate * durationMs + (slope * durationMs * durationMs) / 2;
    while (k < before + total - 1e-9) {
      const need = k - before;
      // Solve fromRate·t + slope·t²/2 = need for the smallest t ≥ 0.
      const t =
        Math.abs(slope) < 1e-15
          ? need / fromRate
          : (-fromRate + Math.sqrt(Math.max(0, fromRate * fromRate + 2 * slope * need))) / slope;
      yield startMs + t;
      k++;
    }
    before += total;
  }
}

/** Iterations per second intended at `ms` into the run (null for closed executors). */
export function targetRateAt(segments: RateSegment[], ms: number): number | null {
  if (segments.length === 0) return null;
  for (const { startMs, durationMs, fromRate, toRate } of segments) {
    if (ms < startMs + durationMs) {
      const at = durationMs > 0 ? fromRate + ((toRate - fromRate) * (ms - startMs)) / durationMs : toRate;
      return at * 1000;
    }
  }
  return 0;
}

/** Intended starts per second over the whole plan (null for closed executors). */
export function averageRate(segments: RateSegment[]): number | null {
  if (segments.length === 0) return null;
  const duration = segments.reduce((sum, s) => sum + s.durationMs, 0);
  const starts = segments.reduce((sum, s) => sum + ((s.fromRate + s.toRate) / 2) * s.durationMs, 0);
  return duration > 0 ? (starts / duration) * 1000 : 0;
}

/** When the VU count of a `ramping-vus` executor changes: one VU at a time, evenly across each stage. */
export function vuChanges(startVUs: number, stages: Stage[]): Array<{ atMs: number; vus: number }> {
  const changes = [{ atMs: 0, vus: startVUs }];
  let startMs = 0;
  let from = startVUs;
  for (const { target, durationMs } of stagesOf(stages, 'ramping-vus')) {
    const to = Math.round(target);
    const steps = Math.abs(to - from);
    for (let i = 1; i <= steps; i++)
      changes.push({ atMs: startMs + (durationMs * i) / steps, vus: from + Math.sign(to - from) * i });
    startMs += durationMs;
    from = to;
  }
  changes.push({ atMs: startMs, vus: 0 });
  return changes;
}

/** How long an executor runs, in ms (the end of its last stage, or its duration). */
export function plannedDurationMs(config: ExecutorConfig): number {
  switch (config.type) {
    case 'constant-arrival-rate':
    case 'constant-vus':
    case 'max-throughput':
      return parseDuration(config.duration, 'duration');
    case 'ramping-arrival-rate':
    case 'ramping-vus':
      return stagesOf(config.stages, config.type).reduce((sum, stage) => sum + stage.durationMs, 0);
    case 'per-vu-iterations':
      return parseDuration(config.maxDuration ?? '10m', 'maxDuration');
  }
}
