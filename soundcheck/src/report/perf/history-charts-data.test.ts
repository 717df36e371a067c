import { describe, expect, test } from 'vitest';
import { plantedBenchStep, plantedTrendStep, samplePerfHistory } from '../../../test/support/sample-perf.ts';
import { alignSeries } from '../../analytics/perf-history.ts';
import {
  allChanges,
  benchRoute,
  changeMarks,
  newestValues,
  ratioBase,
  scenarioLabels,
  trendChart,
} from './history-charts-data.ts';

const any = (label: string) => label;

describe('the dashboard charts of performance across runs', { tags: ['unit', 'reporting'] }, () => {
  test('the planted step in a scenario p95 is marked at its run, as a change for the worse', () => {
    const { runs } = samplePerfHistory();
    const scenarios = scenarioLabels(runs);
    expect([...scenarios].sort()).toEqual(['catalog-browse', 'sign-in']);
    const p95 = trendChart(runs, 'perf_p95_ms', (l) => (scenarios.has(l) ? l : null), 'up');
    expect(p95.series.map((s) => s.name)).toEqual(['catalog-browse', 'sign-in']);
    expect(p95.changes.map((c) => [c.label, c.at, c.run.runId])).toEqual([
      ['catalog-browse', plantedTrendStep, `run-${plantedTrendStep}`],
    ]);
    expect(p95.markers).toEqual([
      {
        x: plantedTrendStep,
        label: expect.stringMatching(/^\+(3\d|4\d)(\.\d)?%$/),
        colour: p95.series[0]!.colour,
      },
    ]);
    expect(p95.verdict).toMatch(
      /^1 change point in 24 runs; newest: catalog-browse \+\d+(\.\d)?% at [0-9a-f]{7} \(1 for the worse\)$/,
    );
    expect(p95.tone).toBe('bad');
    // The same step read as a throughput (down is worse) is a change, but not for the worse.
    expect(trendChart(runs, 'perf_p95_ms', any, 'down').tone).toBe('good');
  });

  test('a level series has no marker and says so', () => {
    const { runs } = samplePerfHistory();
    const rps = trendChart(runs, 'perf_rps', any, 'down');
    expect([rps.markers, rps.verdict, rps.tone]).toEqual([[], 'Steady: no change point in 24 runs', 'good']);
    expect(trendChart(runs, 'perf_time_to_delivered_p95_ms', any, 'up').verdict).toBe(
      'Not measured in any recorded run yet.',
    );
    // Three runs cannot show a step: the chart says so rather than calling the series steady.
    const few = {
      runs: runs.runs.slice(0, 3),
      series: runs.series.map((s) => ({ ...s, values: s.values.slice(0, 3) })),
    };
    expect(trendChart(few, 'perf_rps', any, 'down')).toMatchObject({
      verdict: 'Measured in 3 runs so far: too few to find a change point (4 needed)',
      tone: 'neutral',
    });
  });

  test('a change point of a series measured only in some runs is placed at its run, not at its count', () => {
    // Measured every third run (stress runs); steps from 40 to 80 it/s from run 15 on.
    const rows = Array.from({ length: 30 }, (_, run) => run)
      .filter((run) => run % 3 === 0)
      .map((run) => ({
        name: 'perf_capacity_rps',
        label: 'catalog-browse',
        value: (run < 15 ? 40 : 80) + (run % 2),
        run_id: `r${String(run).padStart(2, '0')}`,
        commit: null,
        started_at: new Date(Date.UTC(2026, 0, 1 + run)),
      }));
    const other = Array.from({ length: 30 }, (_, run) => ({
      name: 'perf_rps',
      label: 'catalog-browse',
      value: 100,
      run_id: `r${String(run).padStart(2, '0')}`,
      commit: null,
      started_at: new Date(Date.UTC(2026, 0, 1 + run)),
    }));
    const history = alignSeries([...other, ...rows].sort((a, b) => a.run_id.localeCompare(b.run_id)));
    const capacity = history.series.find((s) => s.metric === 'perf_capacity_rps')!;
    expect(capacity.values.filter((v) => v !== null)).toHaveLength(10);
    expect(changeMarks(capacity, history.runs).map((c) => [c.at, c.run.runId])).toEqual([[15, 'r15']]);
  });

  test('bench ratios leave out their base (the route at 1x in every run) and the goal runs, and mark the hot-path step at its commit', () => {
    const { bench } = samplePerfHistory();
    const base = ratioBase(bench);
    expect(base).toBe('reference: Fastify + pg, same row');
    const ratio = trendChart(
      bench,
      'perf_ratio',
      (l) => (benchRoute(l) === base ? null : benchRoute(l)),
      'down',
    );
    // The album reference is a route like any other here: its ratio to the base is worth following.
    expect(ratio.series.map((s) => s.name)).toEqual([
      'GET /v1/me',
      'GET /v1/releases/{id}',
      'reference: Fastify + pg, same album',
    ]);
    expect(ratio.changes.map((c) => [c.label, c.at])).toEqual([
      ['bench:api GET /v1/releases/{id}', plantedBenchStep],
    ]);
    expect(ratio.tone).toBe('good'); // a ratio going up is no regression
    expect(newestValues(ratio)[0]).toEqual({ name: 'GET /v1/releases/{id}', value: expect.closeTo(0.5, 1) });
    const rps = trendChart(bench, 'perf_rps', benchRoute, 'down');
    expect(rps.series.map((s) => s.name)).toContain('reference: Fastify + pg, same row');
    expect(rps.series.map((s) => s.name)).not.toContain('GET /v1/releases/{id} at 60% of capacity');
  });

  test('the change-point table lists every series, newest first', () => {
    const { runs } = samplePerfHistory();
    expect(allChanges(runs).map((c) => [c.metric, c.label, c.at])).toEqual([
      ['perf_p95_ms', 'catalog-browse', plantedTrendStep],
    ]);
  });
});
