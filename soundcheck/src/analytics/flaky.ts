import type { Sql } from '../history/sql.ts';

export interface FlakyTest {
  testId: string;
  title: string;
  file: string;
  runs: number;
  /** Status changes (pass↔fail) between consecutive runs of the test, over the window. */
  flips: number;
  /** flips / (runs − 1), in percent. */
  flipRatePct: number;
  /** Runs where it failed, then passed on retry. */
  retriedThenPassed: number;
  /** Commits on which it both passed and failed. */
  mixedCommits: number;
  lastStatus: string;
}

/**
 * Flaky tests over the last `window` runs, by three rules: it passed and failed on the same commit; it
 * flips between pass and fail and back (one change alone is a break or a fix, not flakiness); it passed
 * only on retry. Skips neither pass nor fail.
 */
export async function flakyTests(sql: Sql, window = 50, limit = 50): Promise<FlakyTest[]> {
  const rows = await sql.query<{
    test_id: string;
    title: string;
    file: string;
    runs: number;
    flips: number;
    retried: number;
    mixed: number;
    last_status: string;
  }>(
    `WITH recent AS (
       SELECT id, commit, started_at FROM test_runs WHERE verdict <> 'running' AND environment NOT IN ('mutation', 'bench') ORDER BY started_at DESC LIMIT $1
     ), outcomes AS (
       SELECT t.test_id, t.title, t.file, t.status, r.commit, r.started_at,
              (t.status = 'failed') AS failed,
              lag(t.status = 'failed') OVER (PARTITION BY t.test_id ORDER BY r.started_at) AS failed_before
       FROM test_results t JOIN recent r ON r.id = t.run_id
       WHERE t.status <> 'skipped'
     ), per_commit AS (
       SELECT test_id, commit FROM outcomes WHERE commit IS NOT NULL
       GROUP BY test_id, commit HAVING bool_or(failed) AND bool_or(NOT failed)
     )
     SELECT o.test_id, max(o.title) AS title, max(o.file) AS file, count(*)::int AS runs,
            count(*) FILTER (WHERE o.failed <> o.failed_before)::int AS flips,
            count(*) FILTER (WHERE o.status = 'flaky')::int AS retried,
            (SELECT count(*)::int FROM per_commit p WHERE p.test_id = o.test_id) AS mixed,
            (array_agg(o.status ORDER BY o.started_at DESC))[1] AS last_status
     FROM outcomes o
     GROUP BY o.test_id
     HAVING count(*) FILTER (WHERE o.failed <> o.failed_before) >= 2
         OR count(*) FILTER (WHERE o.status = 'flaky') > 0
         OR EXISTS (SELECT 1 FROM per_commit p WHERE p.test_id = o.test_id)
     ORDER BY flips DESC, retried DESC, o.test_id
     LIMIT $2`,
    [window, limit],
  );
  return rows.map((row) => ({
    testId: row.test_id,
    title: row.title,
    file: row.file,
    runs: row.runs,
    flips: row.flips,
    flipRatePct: row.runs > 1 ? Math.round((row.flips / (row.runs - 1)) * 1000) / 10 : 0,
    retriedThenPassed: row.retried,
    mixedCommits: row.mixed,
    lastStatus: row.last_status,
  }));
}
