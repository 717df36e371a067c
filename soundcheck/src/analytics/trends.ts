import type { Sql } from '../history/sql.ts';

export interface RunTrendPoint {
  id: string;
  startedAt: string;
  commit: string | null;
  verdict: string;
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
  /** Passed (flaky included) over the tests that ran, in percent. */
  passRatePct: number;
  durationMs: number;
  coveragePct: number | null;
}

/** Pass rate, duration and coverage of the last `limit` runs, oldest first (what a chart wants). */
export async function runTrends(sql: Sql, limit = 30): Promise<RunTrendPoint[]> {
  const rows = await sql.query<{
    id: string;
    started_at: Date | string;
    commit: string | null;
    verdict: string;
    passed: number;
    failed: number;
    skipped: number;
    flaky: number;
    duration_ms: number | null;
    coverage: number | null;
  }>(
    `SELECT r.id, r.started_at, r.commit, r.verdict, r.passed, r.failed, r.skipped, r.flaky, r.duration_ms,
            (SELECT value FROM test_metrics m WHERE m.run_id = r.id AND m.name = 'coverage_pct' AND m.label = '') AS coverage
     FROM test_runs r WHERE r.verdict <> 'running' AND r.environment NOT IN ('mutation', 'bench')
     ORDER BY r.started_at DESC LIMIT $1`,
    [limit],
  );
  return rows.reverse().map((row) => {
    const ran = row.passed + row.failed + row.flaky;
    return {
      id: row.id,
      startedAt: new Date(row.started_at).toISOString(),
      commit: row.commit,
      verdict: row.verdict,
      passed: row.passed,
      failed: row.failed,
      skipped: row.skipped,
      flaky: row.flaky,
      passRatePct: ran ? Math.round(((row.passed + row.flaky) / ran) * 1000) / 10 : 0,
      durationMs: row.duration_ms ?? 0,
      coveragePct: row.coverage,
    };
  });
}

export interface TestDurationTrend {
  testId: string;
  title: string;
  /** Median duration in the older and the newer half of the window. */
  beforeMs: number;
  afterMs: number;
  changePct: number;
}

/**
 * Tests whose median duration grew the most between the older and the newer half of the last `window`
 * runs (medians, so one slow outlier does not count as a slowdown). Negative change: most improved.
 */
export async function durationShifts(
  sql: Sql,
  window = 20,
  limit = 10,
): Promise<{ slowdowns: TestDurationTrend[]; improvements: TestDurationTrend[] }> {
  const rows = await sql.query<{ test_id: string; title: string; before_ms: number; after_ms: number }>(
    `WITH recent AS (
       SELECT id, row_number() OVER (ORDER BY started_at DESC) AS age
       FROM (SELECT id, started_at FROM test_runs WHERE verdict <> 'running' AND environment NOT IN ('mutation', 'bench') ORDER BY started_at DESC LIMIT $1) w
     )
     SELECT t.test_id, max(t.title) AS title,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY t.duration_ms) FILTER (WHERE recent.age > $1 / 2) AS before_ms,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY t.duration_ms) FILTER (WHERE recent.age <= $1 / 2) AS after_ms
     FROM test_results t JOIN recent ON recent.id = t.run_id
     -- A failure stops early or hangs: only completed runs of a test say how long it takes.
     WHERE t.status IN ('passed', 'flaky')
     GROUP BY t.test_id`,
    [window],
  );
  const shifts = rows
    .filter((row) => row.before_ms !== null && row.after_ms !== null && row.before_ms > 0)
    .map((row) => ({
      testId: row.test_id,
      title: row.title,
      beforeMs: Math.round(row.before_ms * 10) / 10,
      afterMs: Math.round(row.after_ms * 10) / 10,
      changePct: Math.round(((row.after_ms - row.before_ms) / row.before_ms) * 1000) / 10,
    }));
  // Sub-millisecond tests swing by large percentages for nothing: rank by absolute time gained or lost.
  const byDelta = (a: TestDurationTrend, b: TestDurationTrend) =>
    b.afterMs - b.beforeMs - (a.afterMs - a.beforeMs);
  return {
    slowdowns: shifts
      .filter((s) => s.afterMs > s.beforeMs)
      .sort(byDelta)
      .slice(0, limit),
    improvements: shifts
      .filter((s) => s.afterMs < s.beforeMs)
      .sort(byDelta)
      .reverse()
      .slice(0, limit),
  };
}
