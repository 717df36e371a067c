import type { Tally, TestRecord } from '../reporter/test-record.ts';
import { tallyOf } from '../reporter/test-record.ts';

export interface RouteTimes {
  route: string;
  count: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** What `generate_metrics_report` produced: the dashboard, the history and Prometheus all read it. */
export interface MetricsReport {
  tally: Tally;
  totalDurationMs: number;
  testDurations: { p50Ms: number; p95Ms: number; maxMs: number };
  routes: RouteTimes[];
  /** Line coverage in percent, when the run measured it. */
  coveragePct?: number;
  /** Mutation score in percent, when a mutation run recorded one. */
  mutationScorePct?: number;
  /** Figures the performance suites left in the run folder (`readPerfFigures`). */
  perf?: Array<{ name: string; label: string; value: number }>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** `TestMetricsCollector`: test durations, the API response times tests saw (per route), results. */
export function collectMetrics(
  records: readonly TestRecord[],
  extra: { coveragePct?: number; mutationScorePct?: number } = {},
): MetricsReport {
  const ran = records.filter((record) => record.status !== 'skipped');
  const durations = ran.map((record) => record.durationMs).sort((a, b) => a - b);
  const byRoute = new Map<string, number[]>();
  for (const record of records)
    for (const call of record.apiCalls) {
      const key = `${call.method} ${call.route}`;
      const times = byRoute.get(key) ?? [];
      times.push(call.durationMs);
      byRoute.set(key, times);
    }
  const routes = [...byRoute].map(([route, times]) => {
    const sorted = times.sort((a, b) => a - b);
    return {
      route,
      count: sorted.length,
      p50Ms: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      maxMs: round(sorted.at(-1) ?? 0),
    };
  });
  return {
    tally: tallyOf(records),
    totalDurationMs: round(durations.reduce((sum, ms) => sum + ms, 0)),
    testDurations: {
      p50Ms: round(percentile(durations, 50)),
      p95Ms: round(percentile(durations, 95)),
      maxMs: round(durations.at(-1) ?? 0),
    },
    routes: routes.sort((a, b) => b.p95Ms - a.p95Ms),
    ...extra,
  };
}
