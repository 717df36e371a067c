import { Gauge, Registry } from 'prom-client';
import { registerPerfGauges } from './perf-gauges.ts';
import type { MetricsSnapshot } from './snapshot.ts';

/**
 * A Prometheus registry holding one snapshot. The names are the contract of `dashboards/`: the Grafana
 * dashboard and the alert rules query exactly these.
 */
export function registryFor(snapshot: MetricsSnapshot): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ environment: snapshot.environment });
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });

  const runs = gauge('soundcheck_runs', 'Runs in the history, by verdict', ['verdict']);
  for (const [verdict, n] of Object.entries(snapshot.runsByVerdict)) runs.set({ verdict }, n);
  const last = snapshot.lastRun;
  if (last) {
    const tests = gauge('soundcheck_last_run_tests', 'Tests of the newest finished run, by status', [
      'status',
    ]);
    for (const [status, n] of Object.entries(last.tests)) tests.set({ status }, n);
    const ran = last.tests.passed + last.tests.failed + last.tests.flaky;
    gauge('soundcheck_last_run_failure_ratio', 'Failed over run tests in the newest run').set(
      ran ? last.tests.failed / ran : 0,
    );
    gauge('soundcheck_last_run_duration_seconds', 'Summed test time of the newest run').set(
      last.durationSeconds,
    );
    gauge('soundcheck_last_run_test_duration_p95_seconds', 'p95 test duration in the newest run').set(
      last.testDurationP95Seconds,
    );
    gauge('soundcheck_last_run_timestamp_seconds', 'When the newest run finished').set(
      last.finishedAtSeconds,
    );
  }
  if (snapshot.flakyTests !== null)
    gauge('soundcheck_flaky_tests', 'Tests flaky over the last 50 runs').set(snapshot.flakyTests);
  const p95 = gauge(
    'soundcheck_api_response_p95_seconds',
    'p95 API response time seen by tests in the newest run',
    ['route'],
  );
  const baseline = gauge(
    'soundcheck_api_response_p95_baseline_seconds',
    'Mean of that p95 over the ten runs before',
    ['route'],
  );
  for (const route of snapshot.apiP95Seconds) {
    p95.set({ route: route.route }, route.seconds);
    if (route.baselineSeconds !== null) baseline.set({ route: route.route }, route.baselineSeconds);
  }
  registerPerfGauges(registry, snapshot.perf, snapshot.bench);
  return registry;
}
