import { describeHistoryLocation, openHistory } from 'soundcheck/history/store.ts';
import { type BenchRow, recordBenchRun } from 'soundcheck/perf/history/bench-run.ts';
import { runInfo } from 'soundcheck/runner/run-info.ts';
import type { GoalFigures } from './goals.ts';
import type { RouteFigures } from './report.ts';

/**
 * The bench's figures as history rows, one per route (the reference included, so each commit's ratios can be
 * re-derived) and one for each goal run: `perf_<figure>` labelled `bench:api <route>`.
 */
export function apiBenchRows(figures: readonly RouteFigures[], goals: GoalFigures | null): BenchRow[] {
  const rows: BenchRow[] = figures.map((row) => ({
    subject: row.name,
    figures: {
      rps: row.rps,
      p50_ms: row.p50Ms,
      p99_ms: row.p99Ms,
      ratio: row.ratio,
      cpu_us: row.serverCpuUs,
      cpu_ratio: row.cpuRatio,
      database_cpu_us: row.databaseCpuUs,
    },
  }));
  if (goals)
    rows.push({
      subject: 'GET /v1/releases/{id} at 60% of capacity',
      figures: { rate: goals.atRate.rate, p99_ms: goals.atRate.p99Ms, dropped: goals.atRate.dropped },
    });
  if (goals?.memory)
    rows.push({
      subject: 'API RSS',
      figures: {
        rss_10k_mib: goals.memory.rssTenK,
        rss_end_mib: goals.memory.rssEnd,
        rss_growth_pct: goals.memory.growth * 100,
      },
    });
  return rows;
}

/** Records the run in the history (`.soundcheck/history` or SOUNDCHECK_HISTORY_URL), saying where. */
export async function recordApiBench(rows: BenchRow[]): Promise<void> {
  const run = runInfo({ id: `bench-api-${Date.now()}`, seed: 0, shard: null, target: null });
  const store = await openHistory();
  try {
    const written = await recordBenchRun(
      store,
      { ...run, finishedAt: new Date().toISOString(), verdict: 'passed' },
      'bench:api',
      rows,
    );
    console.log(
      `▸ ${written.length} figures recorded in the history at ${describeHistoryLocation()} as run ${run.id} (npx soundcheck trends --perf)`,
    );
  } finally {
    await store.close();
  }
}
