import {
  comparePaired,
  type EndpointPairs,
  type GateOptions,
} from 'soundcheck/perf/stats/paired-comparison.ts';

/** A seeded generator (xorshift32), so a calibration's draws replay. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 2 ** 32;
  };
}

/** `size` distinct pair indices out of `total` (a partial Fisher–Yates shuffle), kept in time order. */
function draw(total: number, size: number, random: () => number): number[] {
  const indices = Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (total - i));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices.slice(0, size).sort((a, b) => a - b);
}

/**
 * Re-judges recorded trials: `draws` comparisons of `size` pairs each, drawn without replacement from the
 * recorded pairs (each pair keeps its two adjacent trials together). Returns, per draw, the endpoints the
 * gate flagged (slower or faster).
 */
export function resampledVerdicts(
  trials: readonly EndpointPairs[],
  size: number,
  draws: number,
  gate: GateOptions,
  seed: number,
): Array<Map<string, string>> {
  const total = Math.min(...trials.map((t) => t.baseline.length));
  const random = generator(seed);
  return Array.from({ length: draws }, () => {
    const picked = draw(total, size, random);
    const subset = trials.map((t) => ({
      endpoint: t.endpoint,
      baseline: picked.map((i) => t.baseline[i]!),
      candidate: picked.map((i) => t.candidate[i]!),
    }));
    return new Map(comparePaired(subset, gate).map((row) => [row.endpoint, row.verdict]));
  });
}
