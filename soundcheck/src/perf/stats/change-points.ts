import { studentTwoSidedP } from './distributions.ts';

/**
 * Change points in a series by E-divisive means with a Student's t-test in place of the permutation test,
 * as Apache Otava (formerly Hunter; Fleming et al., "Hunter: Using Change Point Detection to Hunt for
 * Performance Regressions", ICPE 2023) does it, with its defaults: windows of 50 points overlapping by half,
 * a first pass at 10 × p that proposes "weak" change points, and a second pass that merges away, weakest
 * first, those that do not reach p (or the minimum relative magnitude).
 */
export interface ChangePointOptions {
  windowLength: number;
  maxPValue: number;
  /** Relative change below which a significant point is still dropped (Otava's default: 0). */
  minMagnitude: number;
}

export const otavaDefaults: ChangePointOptions = { windowLength: 50, maxPValue: 0.001, minMagnitude: 0 };

export interface ChangePoint {
  /** Index of the first point after the change. */
  index: number;
  meanBefore: number;
  meanAfter: number;
  /** meanAfter / meanBefore − 1. */
  forwardChange: number;
  pValue: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Student's two-sample t-test (pooled variance), two-sided. */
export function tTestP(left: readonly number[], right: readonly number[]): number {
  const n1 = left.length;
  const n2 = right.length;
  const df = n1 + n2 - 2;
  if (df <= 0) return 1;
  const m1 = mean(left);
  const m2 = mean(right);
  const ss = (xs: readonly number[], m: number) => xs.reduce((sum, x) => sum + (x - m) ** 2, 0);
  const pooled = (ss(left, m1) + ss(right, m2)) / df;
  if (pooled === 0) return m1 === m2 ? 1 : 0;
  return studentTwoSidedP((m2 - m1) / Math.sqrt(pooled * (1 / n1 + 1 / n2)), df);
}

/**
 * The E-divisive candidate in series[start, end): the split τ (with a right end κ) maximising the
 * scaled energy distance Q̂(X = series[start, τ), Y = series[τ, κ)).
 */
function candidate(
  series: readonly number[],
  start: number,
  end: number,
): { index: number; q: number } | null {
  if (end - start < 2) return null;
  let best: { index: number; q: number } | null = null;
  for (let tau = start + 1; tau < end; tau++) {
    const n = tau - start;
    let withinX = 0;
    for (let i = start; i < tau; i++)
      for (let k = i + 1; k < tau; k++) withinX += Math.abs(series[i]! - series[k]!);
    let between = 0;
    let withinY = 0;
    for (let kappa = tau + 1; kappa <= end; kappa++) {
      const y = series[kappa - 1]!;
      for (let i = start; i < tau; i++) between += Math.abs(series[i]! - y);
      for (let j = tau; j < kappa - 1; j++) withinY += Math.abs(series[j]! - y);
      const m = kappa - tau;
      const q =
        (2 / (m + n)) * between -
        (n > 1 ? ((2 * m) / ((m + n) * (n - 1))) * withinX : 0) -
        (m > 1 ? ((2 * n) / ((m + n) * (m - 1))) * withinY : 0);
      if (!best || q > best.q) best = { index: tau, q };
    }
  }
  return best;
}

function boundsOf(indices: readonly number[], length: number): Array<[number, number]> {
  const edges = [0, ...indices, length];
  const bounds: Array<[number, number]> = [];
  for (let i = 0; i + 1 < edges.length; i++)
    if (edges[i]! < edges[i + 1]!) bounds.push([edges[i]!, edges[i + 1]!]);
  return bounds;
}

/** Hierarchical E-divisive on one window: keep splitting the segment with the best candidate while significant. */
function divisive(series: readonly number[], maxP: number): number[] {
  const found: number[] = [];
  for (;;) {
    let best: { index: number; q: number; start: number; end: number } | null = null;
    for (const [start, end] of boundsOf(found, series.length)) {
      const c = candidate(series, start, end);
      if (c && (!best || c.q > best.q)) best = { ...c, start, end };
    }
    if (!best) return found;
    const p = tTestP(series.slice(best.start, best.index), series.slice(best.index, best.end));
    if (p > maxP) return found;
    found.push(best.index);
    found.sort((a, b) => a - b);
  }
}

function describe(series: readonly number[], indices: readonly number[], at: number): ChangePoint {
  const position = indices.indexOf(at);
  const start = position > 0 ? indices[position - 1]! : 0;
  const end = position + 1 < indices.length ? indices[position + 1]! : series.length;
  const left = series.slice(start, at);
  const right = series.slice(at, end);
  const meanBefore = mean(left);
  const meanAfter = mean(right);
  return {
    index: at,
    meanBefore,
    meanAfter,
    forwardChange: meanBefore === 0 ? 0 : meanAfter / meanBefore - 1,
    pValue: tTestP(left, right),
  };
}

const magnitude = (point: ChangePoint) =>
  Math.max(
    Math.abs(point.forwardChange),
    point.meanAfter === 0 ? 0 : Math.abs(point.meanBefore / point.meanAfter - 1),
  );

/** The change points of `series`, oldest first. */
export function changePoints(
  series: readonly number[],
  options: ChangePointOptions = otavaDefaults,
): ChangePoint[] {
  const { windowLength, maxPValue, minMagnitude } = options;
  const firstPassP = maxPValue < 0.05 ? maxPValue * 10 : maxPValue < 0.5 ? maxPValue * 2 : maxPValue;
  // Pass 1 (split): E-divisive in sliding windows, at the relaxed p; the union is the weak change points.
  const weak = new Set<number>();
  const step = Math.max(1, Math.floor(windowLength / 2));
  for (let start = 0; start < series.length; ) {
    const end = Math.min(start + windowLength, series.length);
    const found = divisive(series.slice(start, end), firstPassP).map((i) => i + start);
    for (const index of found) weak.add(index);
    start = Math.max(found.at(-1) ?? 0, start + step);
  }
  // Pass 2 (merge): drop the weakest point, re-test its neighbours against their new segments, repeat.
  let indices = [...weak].sort((a, b) => a - b);
  for (;;) {
    const points = indices.map((at) => describe(series, indices, at));
    if (!points.length) return [];
    const weakest = points.reduce((a, b) => (b.pValue > a.pValue ? b : a));
    let drop = weakest;
    if (weakest.pValue < maxPValue) {
      drop = points.reduce((a, b) => (magnitude(b) < magnitude(a) ? b : a));
      if (magnitude(drop) > minMagnitude) return points;
    }
    indices = indices.filter((index) => index !== drop.index);
  }
}
