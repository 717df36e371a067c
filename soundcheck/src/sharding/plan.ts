import { UsageError } from '../cli/usage-error.ts';

/** `i/n`: this machine runs the i-th (1-based) of n shards. */
export interface ShardSpec {
  index: number;
  count: number;
}

export interface Shard {
  files: string[];
  /** Summed expected time of the files with a history, in ms. */
  predictedMs: number;
  /** Files with no history, dealt round-robin. */
  unknown: number;
}

export function parseShard(spec: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(spec);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard ${spec} is not a shard: use i/n with 1 ≤ i ≤ n, e.g. 1/4`);
  return { index, count };
}

/**
 * Splits test files over `count` shards by expected duration: the longest file first into the shard
 * expected to finish soonest (LPT), then the files with no history round-robin. Deterministic for the
 * same inputs, so every shard of a CI run computes the same plan; each file lands in exactly one shard.
 */
export function planShards(
  files: readonly string[],
  expectedMs: ReadonlyMap<string, number>,
  count: number,
): Shard[] {
  const shards: Shard[] = Array.from({ length: count }, () => ({ files: [], predictedMs: 0, unknown: 0 }));
  const unique = [...new Set(files)].sort();
  const known = unique.filter((file) => expectedMs.has(file));
  known.sort((a, b) => expectedMs.get(b)! - expectedMs.get(a)! || a.localeCompare(b));
  for (const file of known) {
    const emptiest = shards.reduce((best, shard) => (shard.predictedMs < best.predictedMs ? shard : best));
    emptiest.files.push(file);
    emptiest.predictedMs += expectedMs.get(file)!;
  }
  unique
    .filter((file) => !expectedMs.has(file))
    .forEach((file, i) => {
      const shard = shards[i % count]!;
      shard.files.push(file);
      shard.unknown++;
    });
  return shards;
}

/** The plan split by test count (Vitest's own `--shard`), for comparison: files in path order, dealt evenly. */
export function planByCount(
  files: readonly string[],
  expectedMs: ReadonlyMap<string, number>,
  count: number,
): Shard[] {
  const unique = [...new Set(files)].sort();
  const per = Math.ceil(unique.length / count);
  return Array.from({ length: count }, (_, i) => {
    const slice = unique.slice(i * per, (i + 1) * per);
    return {
      files: slice,
      predictedMs: slice.reduce((sum, file) => sum + (expectedMs.get(file) ?? 0), 0),
      unknown: slice.filter((file) => !expectedMs.has(file)).length,
    };
  });
}

/** Slowest shard ÷ mean shard: 1.0 is a perfect split. */
export function imbalance(shardMs: readonly number[]): number {
  const mean = shardMs.reduce((sum, ms) => sum + ms, 0) / shardMs.length;
  return mean === 0 ? 1 : Math.max(...shardMs) / mean;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
