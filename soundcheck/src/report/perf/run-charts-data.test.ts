import { describe, expect, test } from 'vitest';
import { sampleLoadEntry, sampleStressCurve, sampleTimeSeries } from '../../../test/support/sample-perf.ts';
import {
  asPerfEntry,
  budgetRows,
  latencyOverTime,
  stressCurve,
  throughputOverTime,
} from './run-charts-data.ts';
import { chart } from './svg-chart.ts';

describe('the dashboard charts of one performance run', { tags: ['unit', 'reporting'] }, () => {
  test('the stress curve marks the knee at the planted rate, and the chart draws it over that point', () => {
    const curve = sampleStressCurve(); // p99 breaks from ~20 ms to 90 ms at 44 it/s and stays broken
    const shaped = stressCurve({ rate: 44, curve });
    expect(shaped.data.knee).toMatchObject({ rate: 44, p99: 90 });
    expect(shaped.verdict).toMatch(/^Knee at 44 it\/s: p99 90 ms against a calm (19|20|21)(\.\d)? ms$/);
    const svg = chart({
      title: 'stress',
      verdict: shaped.verdict,
      xLabel: 'rate',
      yUnit: 'ms',
      series: [{ name: 'p99', colour: '#000', points: shaped.data.p99 }],
      markers: [{ x: shaped.data.knee!.rate, label: 'knee' }],
    }).html;
    const markerX = svg.match(/<g class="marker"><line x1="([\d.]+)"/)?.[1];
    const pointX = svg.match(/<circle cx="([\d.]+)"[^>]*><title>p99: 90 ms at 44</)?.[1];
    expect(markerX).toBeDefined();
    expect(markerX).toBe(pointX);
  });

  test("the seconds after the ramp's peak (draining) are not drawn, and do not move the knee", () => {
    const curve = sampleStressCurve();
    const drain = [
      { rate: 3, p99: 1500, errorRate: 0 },
      { rate: 1, p99: 900, errorRate: 0 },
    ];
    const shaped = stressCurve({ rate: 44, curve: [...curve, ...drain] });
    expect(shaped.data.p99.map((p) => p.x)).toEqual(curve.map((p) => p.rate));
    expect(shaped.data.knee?.rate).toBe(44);
  });

  test('a ramp that never broke has no knee, and a ramp that breaks on errors alone has one', () => {
    const calm = sampleStressCurve().map((p) => ({ ...p, p99: 20, errorRate: 0 }));
    expect(stressCurve({ rate: 60, curve: calm })).toMatchObject({
      data: { knee: null },
      verdict: 'No knee up to 60 it/s: p99 stayed near the calm 20 ms',
      tone: 'good',
    });
    const erring = calm.map((p) => ({ ...p, errorRate: p.rate >= 30 ? 0.05 : 0 }));
    expect(stressCurve({ rate: 30, curve: erring }).data.knee?.rate).toBe(30);
  });

  test('latency over time names the typical p95 and the worst second', () => {
    const shaped = latencyOverTime(sampleTimeSeries()); // one slow second, at 17 s
    expect(shaped.data.p95).toHaveLength(30);
    expect(shaped.verdict).toMatch(
      /^p95 typically 2\d(\.\d)? ms; worst second's p99 2\d\d(\.\d)? ms at 17 s — a spike/,
    );
    expect(shaped.tone).toBe('warn');
    expect(latencyOverTime([]).verdict).toBe('No request completed in this run.');
  });

  test('throughput counts every error and dropped iteration of the run', () => {
    const series = sampleTimeSeries();
    const shaped = throughputOverTime(series);
    expect(shaped.verdict).toMatch(/^1\d\d requests\/s on average over 30 s; 3 errors$/);
    expect(shaped.tone).toBe('bad');
    expect(shaped.data.errors.find((p) => p.y)).toEqual({ x: 21, y: 3 });
    const clean = throughputOverTime(
      series.map((p) => ({ ...p, errors: 0, dropped: p.second === 3 ? 2 : 0 })),
    );
    expect([clean.verdict.endsWith('no errors, 2 iterations dropped (no free VU)'), clean.tone]).toEqual([
      true,
      'warn',
    ]);
  });

  test('the budget table puts the request furthest over its budget first', () => {
    const shaped = budgetRows(sampleLoadEntry());
    expect(shaped.data.map((row) => [row.name, row.status])).toEqual([
      ['GET /v1/releases/{id}/history', 'over'],
      ['GET /v1/releases/{id}/tracks', 'within'],
      ['GET /v1/releases/{id}', 'within'],
      ['GET /v1/releases', 'within'],
    ]);
    expect([shaped.verdict, shaped.tone]).toEqual(['1 of 4 budgeted requests over their p95 budget', 'bad']);
    const unbudgeted = budgetRows({ title: 't', verdict: 'passed', metrics: [{ name: 'x p95', value: 1 }] });
    expect(unbudgeted.verdict).toBe('No request of this entry has a budget.');
  });

  test('an entry whose series or curve has another shape is shown without charts, not thrown on', () => {
    const entry = asPerfEntry({
      title: 't',
      verdict: 'passed',
      timeSeries: 'x',
      knee: { curve: [{}] },
    } as never);
    expect([entry.timeSeries, entry.knee]).toEqual([undefined, undefined]);
  });
});
