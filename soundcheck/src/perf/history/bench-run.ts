import type { HistoryStore } from '../../history/store.ts';
import { collectMetrics } from '../../metrics/collector.ts';
import type { RunInfo } from '../../report/run-result.ts';
import type { PerfFigure } from './perf-figures.ts';

/**
 * The `environment` of benchmark runs (`npm run bench:*`) in the history: they hold performance figures and
 * no tests, so the test trends, flaky-test and run-comparison queries leave them out; `trends --perf` reads
 * their figures like any run's.
 */
export const benchEnvironment = 'bench';

/** One row of a bench's table: what was measured (a route) and its figures by short name (`rps`, `cpu_us`). */
export interface BenchRow {
  subject: string;
  figures: Record<string, number>;
}

/**
 * A bench's rows as history figures: `perf_<figure>` labelled `<bench> <subject>`, e.g. `perf_cpu_us` /
 * `bench:api GET /v1/me`. Figures that are not finite (a ratio over a zero) are left out.
 */
export function benchFigures(bench: string, rows: readonly BenchRow[]): PerfFigure[] {
  return rows.flatMap((row) =>
    Object.entries(row.figures)
      .filter(([, value]) => Number.isFinite(value))
      .map(([figure, value]) => ({
        name: `perf_${figure}`,
        label: `${bench} ${row.subject}`,
        value: Math.round(value * 1000) / 1000,
      })),
  );
}

/**
 * Records a bench run in the history: one `test_runs` row (environment `bench`, its commit and branch, no
 * test results) and its figures in `test_metrics`. Returns the figures written.
 */
export async function recordBenchRun(
  store: HistoryStore,
  run: RunInfo,
  bench: string,
  rows: readonly BenchRow[],
): Promise<PerfFigure[]> {
  const perf = benchFigures(bench, rows);
  const tally = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  await store.saveRun({ ...run, environment: benchEnvironment }, tally, [], {
    ...collectMetrics([]),
    perf,
  });
  return perf;
}
