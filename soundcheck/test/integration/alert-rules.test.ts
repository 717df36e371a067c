import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { registryFor } from '../../src/metrics/registry.ts';
import { systemBinaryMissing } from '../support/system-binary.ts';

const dashboards = fileURLToPath(new URL('../../../dashboards/', import.meta.url));
const ruleFiles = readdirSync(dashboards).filter((name) => name.endsWith('.rules.yml'));

const promtoolMissing = () => systemBinaryMissing('promtool', 'prometheus');

describe('the Prometheus alert rules and the Grafana dashboard', {
  tags: ['integration', 'reporting'],
}, () => {
  test('pass promtool check rules', (ctx) => {
    const missing = promtoolMissing();
    if (missing) return ctx.skip(missing);
    expect(ruleFiles).toEqual(['soundcheck.rules.yml']);
    const output = execFileSync('promtool', ['check', 'rules', ...ruleFiles], {
      cwd: dashboards,
      encoding: 'utf8',
    });
    expect(output).toContain('SUCCESS: 4 rules found');
  });

  test('raise exactly the alerts their promtool unit tests expect, and every rule has one', (ctx) => {
    const missing = promtoolMissing();
    if (missing) return ctx.skip(missing);
    const ruleTests = readFileSync(`${dashboards}soundcheck.rules.test.yml`, 'utf8');
    const names = (text: string, key: string) =>
      new Set([...text.matchAll(new RegExp(`${key}: (\\w+)`, 'g'))].map((match) => match[1]));
    const rules = readFileSync(`${dashboards}soundcheck.rules.yml`, 'utf8');
    const alerts = new Set([
      'SoundcheckFailureRate',
      'SoundcheckFlakyTests',
      'SoundcheckApiP95Regression',
      'SoundcheckNoRecentRun',
    ]);
    expect([names(rules, 'alert'), names(ruleTests, 'alertname')]).toEqual([alerts, alerts]);
    const output = execFileSync('promtool', ['test', 'rules', 'soundcheck.rules.test.yml'], {
      cwd: dashboards,
      encoding: 'utf8',
    });
    expect(output).toBe('Unit Testing:  soundcheck.rules.test.yml\n  SUCCESS\n\n');
  });

  test("every panel's query is PromQL that promtool parses (each checked as a recording rule)", (ctx) => {
    const missing = promtoolMissing();
    if (missing) return ctx.skip(missing);
    const panels = JSON.parse(readFileSync(`${dashboards}soundcheck.grafana.json`, 'utf8')).panels as Array<{
      targets?: Array<{ expr: string }>;
    }>;
    // Grafana's template variables are not PromQL: $environment becomes a regex that matches anything.
    const queries = panels
      .flatMap((panel) => panel.targets ?? [])
      .map((t) => t.expr.replaceAll('$environment', '.*'));
    const rules = {
      groups: [{ name: 'panels', rules: queries.map((expr, i) => ({ record: `panel_query_${i}`, expr })) }],
    };
    const dir = mkdtempSync(path.join(tmpdir(), 'soundcheck-panels-'));
    ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'panels.rules.yml'), JSON.stringify(rules)); // JSON is YAML
    const output = execFileSync('promtool', ['check', 'rules', 'panels.rules.yml'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(output).toContain(`SUCCESS: ${queries.length} rules found`);
  });

  test('query only metrics that Soundcheck exports', async () => {
    const registry = registryFor({
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
      apiP95Seconds: [{ route: 'GET /health', seconds: 0.01, baselineSeconds: 0.01 }],
      // One figure of every performance series the history holds, so each gauge they feed is exported.
      perf: [
        'perf_p50_ms',
        'perf_p95_ms',
        'perf_p99_ms',
        'perf_rps',
        'perf_errors',
        'perf_capacity_rps',
        'perf_time_to_delivered_p95_ms',
      ].map((metric) => ({ metric, label: 'catalog-browse', value: 1, baseline: 1 })),
      bench: ['perf_ratio', 'perf_rps', 'perf_cpu_ratio', 'perf_p99_ms'].map((metric) => ({
        metric,
        label: 'bench:api GET /v1/me',
        value: 1,
        baseline: null,
      })),
    });
    const exported = new Set((await registry.getMetricsAsJSON()).map((metric) => metric.name));
    const used = (text: string) => new Set(text.match(/soundcheck_[a-z0-9_]+/g));
    const queried = new Set([
      ...used(ruleFiles.map((name) => readFileSync(dashboards + name, 'utf8')).join('\n')),
      ...used(readFileSync(`${dashboards}soundcheck.grafana.json`, 'utf8')),
    ]);
    expect([...queried].filter((name) => !exported.has(name))).toEqual([]);
  });
});
