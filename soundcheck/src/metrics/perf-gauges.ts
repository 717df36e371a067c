import { Gauge, type Registry } from 'prom-client';
import type { Sql } from '../history/sql.ts';
import { benchEnvironment } from '../perf/history/bench-run.ts';

/** A performance figure of the history's newest measurement, with the mean of up to ten before it. */
export interface PerfGaugeFigure {
  metric: string;
  label: string;
  value: number;
  baseline: number | null;
}

/**
 * How each `perf_*` figure of the history is exported: gauge name, the label its `test_metrics.label` goes
 * into, and the factor to the gauge's unit (Prometheus wants seconds). The Grafana panels and the
 * p95-regression alert query these names.
 */
const runGauges: Record<string, { name: string; label: string; help: string; factor: number }> = {
  perf_p50_ms: {
    name: 'soundcheck_perf_p50_seconds',
    label: 'route',
    help: 'p50 per scenario request, newest run',
    factor: 1e-3,
  },
  perf_p95_ms: {
    name: 'soundcheck_perf_p95_seconds',
    label: 'route',
    help: 'p95 per scenario and request, newest run',
    factor: 1e-3,
  },
  perf_p99_ms: {
    name: 'soundcheck_perf_p99_seconds',
    label: 'route',
    help: 'p99 per scenario request, newest run',
    factor: 1e-3,
  },
  perf_rps: {
    name: 'soundcheck_perf_throughput_rps',
    label: 'scenario',
    help: 'Requests/s of a load run',
    factor: 1,
  },
  perf_errors: {
    name: 'soundcheck_perf_errors',
    label: 'scenario',
    help: 'Failed requests of a load run',
    factor: 1,
  },
  perf_capacity_rps: {
    name: 'soundcheck_perf_capacity_rps',
    label: 'scenario',
    help: 'The stress knee (iterations/s)',
    factor: 1,
  },
  perf_time_to_delivered_p95_ms: {
    name: 'soundcheck_perf_time_to_delivered_p95_seconds',
    label: 'partner',
    help: 'p95 of distribute → delivered',
    factor: 1e-3,
  },
};

/** `npm run bench:*` figures, by route: the newest bench run's. */
const benchGauges: Record<string, { name: string; help: string; factor: number }> = {
  perf_ratio: {
    name: 'soundcheck_bench_ratio',
    help: "Requests/s as a multiple of the reference's, same bench run",
    factor: 1,
  },
  perf_rps: {
    name: 'soundcheck_bench_rps',
    help: 'Requests/s of a route in the newest bench run',
    factor: 1,
  },
  perf_cpu_ratio: {
    name: 'soundcheck_bench_cpu_ratio',
    help: "Server CPU per request as a multiple of the reference's",
    factor: 1,
  },
  perf_p99_ms: {
    name: 'soundcheck_bench_p99_seconds',
    help: 'p99 of a route in the newest bench run',
    factor: 1e-3,
  },
};

/** ms to s without float noise in the exposition (0.0049, not 0.004900000000000001). */
const inUnit = (value: number, factor: number) => Number((value * factor).toPrecision(12));

/** Registers the performance gauges: the newest figure of each series, and for p95 its baseline. */
export function registerPerfGauges(
  registry: Registry,
  perf: readonly PerfGaugeFigure[],
  bench: readonly PerfGaugeFigure[],
): void {
  const gauges = new Map<string, Gauge>();
  const gauge = (name: string, help: string, labelNames: string[]) => {
    let found = gauges.get(name);
    if (!found) {
      found = new Gauge({ name, help, labelNames, registers: [registry] });
      gauges.set(name, found);
    }
    return found;
  };
  for (const figure of perf) {
    const spec = runGauges[figure.metric];
    if (!spec) continue;
    gauge(spec.name, spec.help, [spec.label]).set(
      { [spec.label]: figure.label },
      inUnit(figure.value, spec.factor),
    );
    if (figure.metric === 'perf_p95_ms' && figure.baseline !== null)
      gauge(
        'soundcheck_perf_p95_baseline_seconds',
        'Mean of that p95 over the ten runs that measured it before',
        ['route'],
      ).set({ route: figure.label }, inUnit(figure.baseline, spec.factor));
  }
  for (const figure of bench) {
    const spec = benchGauges[figure.metric];
    const space = figure.label.indexOf(' ');
    if (!spec || space < 0) continue;
    gauge(spec.name, spec.help, ['bench', 'route']).set(
      { bench: figure.label.slice(0, space), route: figure.label.slice(space + 1) },
      inUnit(figure.value, spec.factor),
    );
  }
}

/**
 * From the history: each performance series' newest value over the finished test runs, with the mean of
 * the (up to) ten values before it as its baseline; and the newest bench run's figures.
 */
export async function perfGaugeFigures(
  sql: Sql,
): Promise<{ perf: PerfGaugeFigure[]; bench: PerfGaugeFigure[] }> {
  const perf = await sql.query<{ name: string; label: string; value: number; baseline: number | null }>(
    `WITH ranked AS (
       SELECT m.name, m.label, m.value,
              row_number() OVER (PARTITION BY m.name, m.label ORDER BY r.started_at DESC, r.id DESC) AS n
       FROM test_metrics m JOIN test_runs r ON r.id = m.run_id
       WHERE m.name LIKE 'perf\\_%' AND r.verdict IN ('passed', 'failed')
         AND r.environment NOT IN ('mutation', $1))
     SELECT name, label, max(value) FILTER (WHERE n = 1) AS value, avg(value) FILTER (WHERE n > 1) AS baseline
     FROM ranked WHERE n <= 11 GROUP BY name, label ORDER BY name, label`,
    [benchEnvironment],
  );
  const bench = await sql.query<{ name: string; label: string; value: number }>(
    `SELECT m.name, m.label, m.value FROM test_metrics m
     WHERE m.name LIKE 'perf\\_%' AND m.run_id = (SELECT id FROM test_runs WHERE environment = $1
       AND verdict <> 'running' ORDER BY started_at DESC LIMIT 1)
     ORDER BY m.name, m.label`,
    [benchEnvironment],
  );
  return {
    perf: perf.map((row) => ({
      metric: row.name,
      label: row.label,
      value: Number(row.value),
      baseline: row.baseline === null ? null : Number(row.baseline),
    })),
    bench: bench.map((row) => ({
      metric: row.name,
      label: row.label,
      value: Number(row.value),
      baseline: null,
    })),
  };
}
