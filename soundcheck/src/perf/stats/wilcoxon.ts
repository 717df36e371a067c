import { normalCdf, normalQuantile } from './distributions.ts';

/** Above this many non-zero differences the null distribution is replaced by its normal approximation. */
const exactLimit = 50;

export interface SignedRankResult {
  /** Differences that count: zeros are dropped (Wilcoxon's convention). */
  n: number;
  /** Sum of the ranks of the positive differences (R's `V`). */
  wPlus: number;
  /** Two-sided p-value. */
  p: number;
  method: 'exact' | 'normal';
}

/** Ranks of |d|, ties sharing their average rank. */
function absoluteRanks(values: readonly number[]): number[] {
  const order = values
    .map((value, index) => ({ size: Math.abs(value), index }))
    .sort((a, b) => a.size - b.size);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.size === order[start]!.size) end++;
    const average = (start + end + 2) / 2;
    for (let i = start; i <= end; i++) ranks[order[i]!.index] = average;
    start = end + 1;
  }
  return ranks;
}

/**
 * The exact null distribution of W+ given these ranks: each rank is positive or negative with probability
 * ½. Ranks are doubled so that tied (half-integer) ranks stay integers; `cdf(w)` is P(W+ ≤ w).
 */
function exactDistribution(ranks: readonly number[]): (w: number) => number {
  const doubled = ranks.map((rank) => Math.round(rank * 2));
  const total = doubled.reduce((sum, rank) => sum + rank, 0);
  let counts = new Float64Array(total + 1);
  counts[0] = 1;
  for (const rank of doubled) {
    const next = counts.slice();
    for (let s = rank; s <= total; s++) next[s]! += counts[s - rank]!;
    counts = next;
  }
  const all = 2 ** ranks.length;
  const cumulative = new Float64Array(total + 1);
  let running = 0;
  for (let s = 0; s <= total; s++) {
    running += counts[s]!;
    cumulative[s] = running / all;
  }
  return (w) => {
    const index = Math.floor(w * 2 + 1e-9);
    if (index < 0) return 0;
    return cumulative[Math.min(index, total)]!;
  };
}

/**
 * Wilcoxon's signed-rank test of "the differences are symmetric about 0", two-sided: exact (the
 * conditional distribution, ties included) up to 50 non-zero differences, normal with the tie and
 * continuity corrections beyond.
 */
export function signedRankTest(differences: readonly number[]): SignedRankResult {
  const nonZero = differences.filter((d) => d !== 0 && Number.isFinite(d));
  const n = nonZero.length;
  if (n === 0) return { n, wPlus: 0, p: 1, method: 'exact' };
  const ranks = absoluteRanks(nonZero);
  const wPlus = nonZero.reduce((sum, d, i) => (d > 0 ? sum + ranks[i]! : sum), 0);
  const maxW = (n * (n + 1)) / 2;
  if (n <= exactLimit) {
    const cdf = exactDistribution(ranks);
    const lower = cdf(wPlus);
    // P(W+ ≥ w) = P(W- ≤ maxW − w), and W- has the same null distribution.
    const upper = cdf(maxW - wPlus);
    return { n, wPlus, p: Math.min(1, 2 * Math.min(lower, upper)), method: 'exact' };
  }
  const mean = maxW / 2;
  const tieCorrection = tieGroups(ranks).reduce((sum, t) => sum + (t * t * t - t), 0) / 48;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCorrection);
  const z = (Math.abs(wPlus - mean) - 0.5) / sd;
  return { n, wPlus, p: Math.min(1, 2 * (1 - normalCdf(Math.max(z, 0)))), method: 'normal' };
}

function tieGroups(ranks: readonly number[]): number[] {
  const sizes = new Map<number, number>();
  for (const rank of ranks) sizes.set(rank, (sizes.get(rank) ?? 0) + 1);
  return [...sizes.values()].filter((size) => size > 1);
}

/** P(W+ ≤ w) for n untied ranks 1..n. */
function untiedCdf(n: number): (w: number) => number {
  return exactDistribution(Array.from({ length: n }, (_, i) => i + 1));
}

export interface LocationEstimate {
  /** Hodges–Lehmann estimate: the median of the Walsh averages. */
  estimate: number;
  low: number;
  high: number;
}

/**
 * The Hodges–Lehmann estimate of the differences' centre and its confidence interval, read off the
 * sorted Walsh averages (dᵢ + dⱼ)/2, i ≤ j, at the signed-rank test's critical values (as R's
 * `wilcox.test(conf.int = TRUE)` does; with fewer than 6 differences no interval reaches 95 %, and the
 * whole range is returned).
 */
export function hodgesLehmann(differences: readonly number[], confidence = 0.95): LocationEstimate {
  const d = differences.filter(Number.isFinite);
  const n = d.length;
  if (n === 0) return { estimate: Number.NaN, low: Number.NaN, high: Number.NaN };
  const walsh: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh.push((d[i]! + d[j]!) / 2);
  walsh.sort((a, b) => a - b);
  const m = walsh.length;
  const estimate = m % 2 ? walsh[(m - 1) / 2]! : (walsh[m / 2 - 1]! + walsh[m / 2]!) / 2;
  const tail = (1 - confidence) / 2;
  let k: number;
  if (n <= exactLimit) {
    // k: the smallest w with P(W+ ≤ w) ≥ tail (R's qsignrank), at least 1.
    const cdf = untiedCdf(n);
    k = 0;
    while (cdf(k) < tail) k++;
    k = Math.max(k, 1);
  } else {
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
    k = Math.max(1, Math.round(m / 2 + normalQuantile(tail) * sd));
  }
  return { estimate, low: walsh[k - 1]!, high: walsh[m - k]! };
}

/** The smallest two-sided p-value n pairs can give: every difference on the same side. */
export function smallestAttainableP(n: number): number {
  return n === 0 ? 1 : Math.min(1, 2 / 2 ** n);
}
