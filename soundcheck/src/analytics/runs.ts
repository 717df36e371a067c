import type { Sql } from '../history/sql.ts';
import type { RunInfo, Verdict } from '../report/run-result.ts';
import type { Tally } from '../reporter/test-record.ts';

/** A `test_runs` row: where and how the run happened, its counts, and its summed test time. */
export interface RunRow extends RunInfo, Tally {
  durationMs: number | null;
}

/** The newest `limit` runs, newest first. */
export async function listRuns(sql: Sql, limit = 20): Promise<RunRow[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT id, started_at, finished_at, commit, branch, seed, environment, shard, verdict,
            passed, failed, skipped, flaky, duration_ms
     FROM test_runs ORDER BY started_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: String(row.id),
    startedAt: new Date(row.started_at as string).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at as string).toISOString() : null,
    commit: (row.commit as string | null) ?? null,
    branch: (row.branch as string | null) ?? null,
    seed: row.seed === null ? null : Number(row.seed),
    environment: String(row.environment),
    shard: (row.shard as string | null) ?? null,
    verdict: row.verdict as Verdict,
    passed: Number(row.passed),
    failed: Number(row.failed),
    skipped: Number(row.skipped),
    flaky: Number(row.flaky),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
  }));
}
