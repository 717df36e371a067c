import type { Sql } from '../history/sql.ts';
import { benchEnvironment } from '../perf/history/bench-run.ts';
import type { PerfMetricRow } from '../perf/history/perf-trends.ts';

export interface PerfRun {
  runId: string;
  commit: string | null;
  startedAt: string;
}

/** One performance figure (test_metrics name and label) across runs, aligned with `runs` (null: not measured). */
export interface PerfSeries {
  metric: string;
  label: string;
  values: Array<number | null>;
}

export interface PerfRuns {
  runs: PerfRun[];
  series: PerfSeries[];
}

/** The history's performance figures for the dashboard: QA runs, and bench runs (`npm run bench:*`). */
export interface PerfHistory {
  runs: PerfRuns;
  bench: PerfRuns;
}

/** Rows (oldest run first) as runs and series aligned with them. */
export function alignSeries(rows: readonly PerfMetricRow[]): PerfRuns {
  const runs: PerfRun[] = [];
  const position = new Map<string, number>();
  for (const row of rows)
    if (!position.has(row.run_id)) {
      position.set(row.run_id, runs.length);
      runs.push({ runId: row.run_id, commit: row.commit, startedAt: new Date(row.started_at).toISOString() });
    }
  const series = new Map<string, PerfSeries>();
  for (const row of rows) {
    const key = `${row.name}\u0000${row.label}`;
    let found = series.get(key);
    if (!found) {
      found = { metric: row.name, label: row.label, values: runs.map(() => null) };
      series.set(key, found);
    }
    found.values[position.get(row.run_id)!] = Number(row.value);
  }
  return { runs, series: [...series.values()] };
}

async function perfRows(sql: Sql, bench: boolean, limit: number): Promise<PerfRuns> {
  const rows = await sql.query<PerfMetricRow>(
    `SELECT m.name, m.label, m.value, r.id AS run_id, r.commit, r.started_at
     FROM test_metrics m
     JOIN (SELECT id, commit, started_at FROM test_runs
           WHERE verdict <> 'running' AND environment <> 'mutation' AND (environment = $1) = $2
             AND id IN (SELECT run_id FROM test_metrics WHERE name LIKE 'perf\\_%')
           ORDER BY started_at DESC LIMIT $3) r ON r.id = m.run_id
     WHERE m.name LIKE 'perf\\_%'
     ORDER BY r.started_at, r.id, m.name, m.label`,
    [benchEnvironment, bench, limit],
  );
  return alignSeries(rows);
}

/** The performance figures of the last `limit` runs that recorded any, and of the last `limit` bench runs. */
export async function perfHistory(sql: Sql, limit = 60): Promise<PerfHistory> {
  return { runs: await perfRows(sql, false, limit), bench: await perfRows(sql, true, limit) };
}
