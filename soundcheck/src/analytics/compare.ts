import type { Sql } from '../history/sql.ts';
import { UserError } from '../user-error.ts';

export interface StatusChange {
  testId: string;
  title: string;
  before: string | null;
  after: string | null;
}

export interface DurationChange {
  testId: string;
  title: string;
  beforeMs: number;
  afterMs: number;
}

/** What changed between run `a` and run `b`. */
export interface RunComparison {
  a: string;
  b: string;
  /** Failed in b, not failed in a (new tests that fail included). */
  broken: StatusChange[];
  /** Failed in a, passed (or flaky) in b. */
  fixed: StatusChange[];
  /** Failed in both. */
  stillFailing: StatusChange[];
  added: StatusChange[];
  removed: StatusChange[];
  slowdowns: DurationChange[];
  speedups: DurationChange[];
}

/**
 * How big a duration change between two single runs must be to be listed: one run against one run is
 * noisy (a GC pause, a busy neighbour), so a few milliseconds either way mean nothing.
 */
export interface MinimumEffect {
  ms: number;
  ratio: number;
}

export const defaultMinimumEffect: MinimumEffect = { ms: 100, ratio: 1.5 };

/** Compares two runs test by test (stable ids); `slowLimit` bounds the duration lists. */
export async function compareRuns(
  sql: Sql,
  a: string,
  b: string,
  slowLimit = 10,
  minimumEffect = defaultMinimumEffect,
): Promise<RunComparison> {
  const found = await sql.query<{ id: string }>('SELECT id FROM test_runs WHERE id = ANY($1::text[])', [
    [a, b],
  ]);
  for (const id of [a, b])
    if (!found.some((row) => row.id === id))
      throw new UserError(`no run ${id} in the history; soundcheck history lists the run ids`);
  const rows = await sql.query<{
    test_id: string;
    title: string;
    before: string | null;
    after: string | null;
    before_ms: number | null;
    after_ms: number | null;
  }>(
    `SELECT coalesce(x.test_id, y.test_id) AS test_id, coalesce(y.title, x.title) AS title,
            x.status AS before, y.status AS after, x.duration_ms AS before_ms, y.duration_ms AS after_ms
     FROM (SELECT * FROM test_results WHERE run_id = $1) x
     FULL JOIN (SELECT * FROM test_results WHERE run_id = $2) y ON x.test_id = y.test_id
     ORDER BY 2`,
    [a, b],
  );
  const change = (row: (typeof rows)[number]): StatusChange => ({
    testId: row.test_id,
    title: row.title,
    before: row.before,
    after: row.after,
  });
  const failed = (status: string | null) => status === 'failed';
  const passing = (status: string | null) => status === 'passed' || status === 'flaky';
  const timed = rows
    .filter((row) => passing(row.before) && passing(row.after))
    .map((row) => ({
      testId: row.test_id,
      title: row.title,
      beforeMs: row.before_ms ?? 0,
      afterMs: row.after_ms ?? 0,
    }));
  const delta = (d: DurationChange) => d.afterMs - d.beforeMs;
  const matters = (d: DurationChange) => {
    const [low, high] = d.afterMs > d.beforeMs ? [d.beforeMs, d.afterMs] : [d.afterMs, d.beforeMs];
    return high - low >= minimumEffect.ms && high >= low * minimumEffect.ratio;
  };
  return {
    a,
    b,
    broken: rows.filter((row) => failed(row.after) && !failed(row.before)).map(change),
    fixed: rows.filter((row) => failed(row.before) && passing(row.after)).map(change),
    stillFailing: rows.filter((row) => failed(row.before) && failed(row.after)).map(change),
    added: rows.filter((row) => row.before === null).map(change),
    removed: rows.filter((row) => row.after === null).map(change),
    slowdowns: timed
      .filter((d) => delta(d) > 0 && matters(d))
      .sort((x, y) => delta(y) - delta(x))
      .slice(0, slowLimit),
    speedups: timed
      .filter((d) => delta(d) < 0 && matters(d))
      .sort((x, y) => delta(x) - delta(y))
      .slice(0, slowLimit),
  };
}

/** The finished run before `runId` (the baseline for "new failures"), or null for the first run. */
export async function previousRun(sql: Sql, runId: string): Promise<string | null> {
  const [row] = await sql.query<{ id: string }>(
    `SELECT id FROM test_runs WHERE verdict IN ('passed', 'failed') AND environment NOT IN ('mutation', 'bench')
       AND started_at < (SELECT started_at FROM test_runs WHERE id = $1)
     ORDER BY started_at DESC LIMIT 1`,
    [runId],
  );
  return row?.id ?? null;
}
