import type { EndpointPairs } from '../stats/paired-comparison.ts';

export type Side = 'baseline' | 'candidate';

/** Per endpoint, one figure for the trial (the median latency, in ms); NaN when the trial did not count. */
export type TrialFigures = Map<string, number>;

/**
 * Which API goes first in each pair: A B, B A, A B… (ABBA), so a drift of the machine during the
 * comparison (another job starting, a cache warming) weighs on both sides alike instead of on the second.
 */
export function firstSideOf(pair: number): Side {
  return pair % 2 === 0 ? 'baseline' : 'candidate';
}

/** Runs `pairs` trial pairs and gathers, per endpoint, the paired figures of both sides. */
export async function runPairs(
  pairs: number,
  runPair: (pair: number, first: Side) => Promise<Record<Side, TrialFigures>>,
  progress: (done: number, total: number) => void = () => {},
): Promise<EndpointPairs[]> {
  const figures = new Map<string, { baseline: number[]; candidate: number[] }>();
  for (let pair = 0; pair < pairs; pair++) {
    const result = await runPair(pair, firstSideOf(pair));
    for (const side of ['baseline', 'candidate'] as const) {
      for (const [endpoint, value] of result[side]) {
        const entry = figures.get(endpoint) ?? {
          baseline: new Array<number>(pairs).fill(Number.NaN),
          candidate: new Array<number>(pairs).fill(Number.NaN),
        };
        entry[side][pair] = value;
        figures.set(endpoint, entry);
      }
    }
    progress(pair + 1, pairs);
  }
  return [...figures].sort(([a], [b]) => a.localeCompare(b)).map(([endpoint, f]) => ({ endpoint, ...f }));
}
