import type { Sql } from '../history/sql.ts';

/** One file's summed test time in one recorded run. */
export interface FileTime {
  runId: string;
  file: string;
  ms: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Each file's expected time, corrected for how loaded the machine was in each run. A run's load factor is
 * the median, over its files, of (time in that run ÷ the file's median time): a shard that shared a busy
 * runner makes every file look slower by about the same factor, and dividing it out keeps one overloaded
 * shard from pushing its files elsewhere next time (the split would oscillate). The estimate is the median
 * of the corrected times.
 */
export function expectedDurations(times: readonly FileTime[]): Map<string, number> {
  const byFile = new Map<string, number[]>();
  for (const t of times) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t.ms]);
  const typical = new Map([...byFile].map(([file, ms]) => [file, median(ms)]));
  const ratios = new Map<string, number[]>();
  for (const t of times) {
    const base = typical.get(t.file)!;
    if (base > 0) ratios.set(t.runId, [...(ratios.get(t.runId) ?? []), t.ms / base]);
  }
  const load = new Map([...ratios].map(([run, r]) => [run, median(r)]));
  const corrected = new Map<string, number[]>();
  for (const t of times) {
    const factor = load.get(t.runId) ?? 1;
    corrected.set(t.file, [...(corrected.get(t.file) ?? []), factor > 0 ? t.ms / factor : t.ms]);
  }
  return new Map([...corrected].map(([file, ms]) => [file, median(ms)]));
}

/** Per-file test time in the newest `runs` finished runs of the history. */
export async function recentFileTimes(sql: Sql, runs = 5): Promise<FileTime[]> {
  const rows = await sql.query<{ run_id: string; file: string; ms: number }>(
    `SELECT r.run_id, r.file, sum(r.duration_ms)::float8 AS ms
     FROM test_results r
     JOIN (SELECT id FROM test_runs WHERE verdict IN ('passed', 'failed') ORDER BY started_at DESC LIMIT $1) recent
       ON recent.id = r.run_id
     GROUP BY r.run_id, r.file`,
    [runs],
  );
  return rows.map((row) => ({ runId: row.run_id, file: row.file, ms: Number(row.ms) }));
}
