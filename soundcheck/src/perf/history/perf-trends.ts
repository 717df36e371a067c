import type { Sql } from '../../history/sql.ts';
import { type ChangePoint, changePoints } from '../stats/change-points.ts';

/** One `perf_*` figure of a run, with the run's commit and start: what the performance history reads. */
export interface PerfMetricRow {
  name: string;
  label: string;
  value: number;
  run_id: string;
  commit: string | null;
  started_at: Date | string;
}

export interface PerfChange {
  metric: string;
  /** The endpoint or scenario the series is about (test_metrics.label). */
  label: string;
  runId: string;
  commit: string | null;
  startedAt: string;
  meanBefore: number;
  meanAfter: number;
  /** meanAfter / meanBefore − 1. */
  change: number;
  pValue: number;
}

/**
 * The change points of every performance series (test_metrics `perf_*`, one series per name and label) over
 * the runs of `branch`, oldest first: E-divisive means with a t-test at Otava's defaults.
 */
export async function perfChanges(sql: Sql, branch: string, runs = 500): Promise<PerfChange[]> {
  const rows = await sql.query<PerfMetricRow>(
    `SELECT m.name, m.label, m.value, r.id AS run_id, r.commit, r.started_at
     FROM test_metrics m
     JOIN (SELECT id, commit, started_at FROM test_runs WHERE branch = $1 AND verdict <> 'running'
           ORDER BY started_at DESC LIMIT $2) r ON r.id = m.run_id
     WHERE m.name LIKE 'perf\\_%'
     ORDER BY m.name, m.label, r.started_at`,
    [branch, runs],
  );
  const series = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.name}\u0000${row.label}`;
    series.set(key, [...(series.get(key) ?? []), row]);
  }
  return [...series.values()].flatMap((points) =>
    changePoints(points.map((p) => Number(p.value))).map((found: ChangePoint): PerfChange => {
      const at = points[found.index]!;
      return {
        metric: at.name,
        label: at.label,
        runId: at.run_id,
        commit: at.commit,
        startedAt: new Date(at.started_at).toISOString(),
        meanBefore: found.meanBefore,
        meanAfter: found.meanAfter,
        change: found.forwardChange,
        pValue: found.pValue,
      };
    }),
  );
}
