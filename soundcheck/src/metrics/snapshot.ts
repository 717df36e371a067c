import { flakyTests } from '../analytics/flaky.ts';
import type { Sql } from '../history/sql.ts';
import { type PerfGaugeFigure, perfGaugeFigures } from './perf-gauges.ts';

/** The figures Prometheus sees, whether scraped from `serve` or pushed at the end of a run. */
export interface MetricsSnapshot {
  environment: string;
  runsByVerdict: Record<string, number>;
  lastRun: {
    id: string;
    tests: Record<'passed' | 'failed' | 'skipped' | 'flaky', number>;
    durationSeconds: number;
    testDurationP95Seconds: number;
    finishedAtSeconds: number;
  } | null;
  flakyTests: number | null;
  /** Per route: this run's p95, and the mean p95 of the ten runs before (the regression baseline). */
  apiP95Seconds: Array<{ route: string; seconds: number; baselineSeconds: number | null }>;
  /** Each performance series' newest figure (load, stress, deliveries), p95 with its baseline. */
  perf: PerfGaugeFigure[];
  /** The newest bench run's figures (`bench:api <route>`). */
  bench: PerfGaugeFigure[];
}

/** Reads the snapshot from the history: the newest finished run, the verdict counts, flaky tests. */
export async function snapshotFromHistory(sql: Sql): Promise<MetricsSnapshot> {
  const verdicts = await sql.query<{ verdict: string; n: number }>(
    'SELECT verdict, count(*)::int AS n FROM test_runs GROUP BY verdict',
  );
  const [last] = await sql.query<{
    id: string;
    environment: string;
    passed: number;
    failed: number;
    skipped: number;
    flaky: number;
    duration_ms: number | null;
    finished_at: Date | string;
    p95: number | null;
  }>(
    `SELECT r.*, (SELECT value FROM test_metrics m WHERE m.run_id = r.id AND m.name = 'duration_p95_ms' AND m.label = '') AS p95
     FROM test_runs r WHERE verdict IN ('passed', 'failed') AND environment NOT IN ('mutation', 'bench') ORDER BY started_at DESC LIMIT 1`,
  );
  const routes = last
    ? await sql.query<{ route: string; ms: number; baseline: number | null }>(
        `WITH before AS (
           SELECT id FROM test_runs WHERE verdict IN ('passed', 'failed')
             AND started_at < (SELECT started_at FROM test_runs WHERE id = $1)
           ORDER BY started_at DESC LIMIT 10)
         SELECT m.label AS route, m.value AS ms,
                (SELECT avg(b.value) FROM test_metrics b JOIN before ON before.id = b.run_id
                 WHERE b.name = 'api_p95_ms' AND b.label = m.label) AS baseline
         FROM test_metrics m WHERE m.run_id = $1 AND m.name = 'api_p95_ms'`,
        [last.id],
      )
    : [];
  return {
    environment: last?.environment ?? 'local',
    runsByVerdict: Object.fromEntries(verdicts.map((row) => [row.verdict, row.n])),
    lastRun: last
      ? {
          id: last.id,
          tests: { passed: last.passed, failed: last.failed, skipped: last.skipped, flaky: last.flaky },
          durationSeconds: (last.duration_ms ?? 0) / 1000,
          testDurationP95Seconds: (last.p95 ?? 0) / 1000,
          finishedAtSeconds: Math.floor(new Date(last.finished_at).getTime() / 1000),
        }
      : null,
    flakyTests: (await flakyTests(sql, 50, 10_000)).length,
    apiP95Seconds: routes.map((r) => ({
      route: r.route,
      seconds: r.ms / 1000,
      baselineSeconds: r.baseline === null ? null : Number(r.baseline) / 1000,
    })),
    ...(await perfGaugeFigures(sql)),
  };
}
