import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { registryFor } from './registry.ts';

/** A snapshot with every figure present, so the registry declares every metric it can expose. */
const full = registryFor({
  environment: 'ci',
  runsByVerdict: { passed: 1 },
  lastRun: {
    id: 'r',
    tests: { passed: 1, failed: 0, skipped: 0, flaky: 0 },
    durationSeconds: 1,
    testDurationP95Seconds: 1,
    finishedAtSeconds: 1,
  },
  flakyTests: 0,
  apiP95Seconds: [{ route: 'GET /health', seconds: 0.001, baselineSeconds: 0.001 }],
});

/** Metric names in a PromQL expression: identifiers not followed by `(` (functions), outside label matchers and strings. */
function metricNames(expr: string): string[] {
  const bare = expr.replace(/\{[^}]*\}/g, '{}').replace(/"[^"]*"/g, '""');
  const words = [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((m) => m[1]!);
  return words.filter((word) => word.startsWith('soundcheck_'));
}

const dashboard = JSON.parse(readFileSync('dashboards/soundcheck.grafana.json', 'utf8')) as {
  panels: Array<{ title: string; targets?: Array<{ expr?: string }> }>;
};
const rules = readFileSync('dashboards/soundcheck.rules.yml', 'utf8');

describe('the Grafana dashboard and alert rules query real metrics', { tags: ['unit', 'reporting'] }, () => {
  const exposed = new Set(full.getMetricsAsArray().map((metric) => metric.name));

  test.for(dashboard.panels.map((panel) => [panel.title, panel] as const))(
    'panel “%s” names only exposed metrics',
    ([, panel]) => {
      const names = (panel.targets ?? []).flatMap((target) => metricNames(target.expr ?? ''));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names)
        expect(exposed, `${name} is not exposed by /metrics or the push`).toContain(name);
    },
  );

  test('every alert rule expression names only exposed metrics', () => {
    const exprs = [...rules.matchAll(/^\s*expr:\s*(.+)$/gm)].map((m) => m[1]!);
    expect(exprs.length).toBeGreaterThan(0);
    for (const name of exprs.flatMap(metricNames)) expect(exposed).toContain(name);
  });

  test('the JSON Grafana imports is the type-checked dashboard (npm run dashboards rewrites it)', async () => {
    const { dashboard: source } = await import('../../../dashboards/soundcheck.grafana.ts');
    expect(dashboard).toEqual(JSON.parse(JSON.stringify(source)));
  });

  test('the name reader finds a metric and ignores functions, labels and strings', () => {
    expect(
      metricNames('rate(soundcheck_runs{verdict="soundcheck_fake"}[5m]) > on(x) soundcheck_flaky_tests'),
    ).toEqual(['soundcheck_runs', 'soundcheck_flaky_tests']);
  });
});
