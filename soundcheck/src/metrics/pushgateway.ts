import { Pushgateway } from 'prom-client';
import type { RunInfo } from '../report/run-result.ts';
import type { MetricsReport } from './collector.ts';
import { registryFor } from './registry.ts';

/** Pushes the run's figures to a Pushgateway (`SOUNDCHECK_PUSHGATEWAY_URL`); a failure is reported, not fatal. */
export async function pushRunMetrics(
  url: string,
  run: RunInfo,
  metrics: MetricsReport,
  log: (line: string) => void,
): Promise<void> {
  const registry = registryFor({
    environment: run.environment,
    runsByVerdict: { [run.verdict]: 1 },
    lastRun: {
      id: run.id,
      tests: { ...metrics.tally },
      durationSeconds: metrics.totalDurationMs / 1000,
      testDurationP95Seconds: metrics.testDurations.p95Ms / 1000,
      finishedAtSeconds: Math.floor(Date.parse(run.finishedAt ?? run.startedAt) / 1000),
    },
    flakyTests: null,
    apiP95Seconds: metrics.routes.map((r) => ({
      route: r.route,
      seconds: r.p95Ms / 1000,
      baselineSeconds: null,
    })),
    // The run's own figures; their baselines need the history, which `soundcheck serve` /metrics reads.
    perf: (metrics.perf ?? []).map((figure) => ({
      metric: figure.name,
      label: figure.label,
      value: figure.value,
      baseline: null,
    })),
    bench: [],
  });
  try {
    await new Pushgateway(url, { timeout: 5000 }, registry).pushAdd({
      jobName: 'soundcheck',
      groupings: { environment: run.environment },
    });
    log(`  ✓ metrics pushed to ${new URL(url).host}`);
  } catch (error) {
    log(`  ! could not push metrics to ${url}: ${(error as Error).message}`);
  }
}
