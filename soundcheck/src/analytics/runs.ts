import type { Sql } from '../history/sql.ts';

export interface RunRow {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  commit: string | null;
  branch: string | null;
  seed: number | null;
  environment: string;
  shard: string | null;
  verdict: string;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
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
    verdict: String(row.verdict),
    passed: Number(row.passed),
    failed: Number(row.failed),
    skipped: Number(row.skipped),
    flaky: Number(row.flaky),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
  }));
}
