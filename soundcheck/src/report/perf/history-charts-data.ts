import type { PerfRun, PerfRuns, PerfSeries } from '../../analytics/perf-history.ts';
import { changePoints } from '../../perf/stats/change-points.ts';
import { formatNumber } from '../charts.ts';
import type { ChartMarker, ChartSeries, Tone } from './svg-chart.ts';

export const palette = [
  '#4f7cff',
  '#1f9d55',
  '#d98b00',
  '#8a5cf6',
  '#d64545',
  '#0fa3b1',
  '#b5487a',
  '#6b7385',
];

/** A change point of one series, at the position of the first run after it (an index into `runs`). */
export interface ChangeMark {
  metric: string;
  label: string;
  at: number;
  run: PerfRun;
  meanBefore: number;
  meanAfter: number;
  change: number;
}

/**
 * The change points of a series whose runs did not all measure it: E-divisive means (Otava's defaults) over
 * the measured values, each mapped back to its run's position.
 */
export function changeMarks(series: PerfSeries, runs: readonly PerfRun[]): ChangeMark[] {
  const measured = series.values.flatMap((value, at) => (value === null ? [] : [{ value, at }]));
  return changePoints(measured.map((m) => m.value)).map((found) => {
    const at = measured[found.index]!.at;
    return {
      metric: series.metric,
      label: series.label,
      at,
      run: runs[at]!,
      meanBefore: found.meanBefore,
      meanAfter: found.meanAfter,
      change: found.forwardChange,
    };
  });
}

/** Fewer measured runs than this cannot show a step at Otava's p (a clean doubling needs four). */
const minimumForChange = 4;

export interface TrendChartData {
  series: ChartSeries[];
  markers: ChartMarker[];
  changes: ChangeMark[];
  verdict: string;
  tone: Tone;
}

const signed = (change: number) => `${change >= 0 ? '+' : '−'}${formatNumber(Math.abs(change) * 100)}%`;
export const shortCommit = (run: PerfRun | undefined) =>
  run?.commit?.slice(0, 7) ?? run?.runId.slice(-6) ?? '';

/**
 * One chart's worth of history: the series of `metric` whose labels `pick` accepts (named by what it
 * returns), each with its change points marked where they happened. `worse` says which way is a
 * regression (up for a latency, down for a throughput), so the verdict can say whether a step hurt.
 */
export function trendChart(
  history: PerfRuns,
  metric: string,
  pick: (label: string) => string | null,
  worse: 'up' | 'down',
): TrendChartData {
  const chosen = history.series
    .filter((s) => s.metric === metric && pick(s.label) !== null)
    .sort((a, b) => a.label.localeCompare(b.label));
  const series = chosen.map(
    (s, i): ChartSeries => ({
      name: pick(s.label)!,
      colour: palette[i % palette.length]!,
      points: s.values.map((y, x) => ({ x, y })),
    }),
  );
  const changes = chosen.flatMap((s) => changeMarks(s, history.runs));
  const colourOf = (label: string) => series[chosen.findIndex((s) => s.label === label)]?.colour;
  const markers = changes.map((c) => ({ x: c.at, label: signed(c.change), colour: colourOf(c.label) }));
  const hurt = changes.filter((c) => (worse === 'up' ? c.change > 0 : c.change < 0));
  const runs = history.runs.length;
  const measured = Math.max(0, ...chosen.map((s) => s.values.filter((v) => v !== null).length));
  const newest = changes.reduce<ChangeMark | null>((a, b) => (a && a.at >= b.at ? a : b), null);
  return {
    series,
    markers,
    changes,
    verdict: !series.length
      ? 'Not measured in any recorded run yet.'
      : measured < minimumForChange
        ? `Measured in ${measured} run${measured === 1 ? '' : 's'} so far: too few to find a change point (${minimumForChange} needed)`
        : newest
          ? `${changes.length} change point${changes.length > 1 ? 's' : ''} in ${runs} runs; newest: ${pick(newest.label)} ${signed(newest.change)} at ${shortCommit(newest.run)}${hurt.length ? ` (${hurt.length} for the worse)` : ''}`
          : `Steady: no change point in ${runs} runs`,
    tone: hurt.length ? 'bad' : series.length && measured >= minimumForChange ? 'good' : 'neutral',
  };
}

/** Scenario-level labels (`catalog-browse`): those that carry a throughput, not a request inside one. */
export function scenarioLabels(history: PerfRuns): Set<string> {
  return new Set(history.series.filter((s) => s.metric === 'perf_rps').map((s) => s.label));
}

/** Every change point of every series, newest first: the dashboard's `trends --perf`. */
export function allChanges(history: PerfRuns, limit = 10): ChangeMark[] {
  return history.series
    .flatMap((s) => changeMarks(s, history.runs))
    .sort((a, b) => b.at - a.at || Math.abs(b.change) - Math.abs(a.change))
    .slice(0, limit);
}

const benchPrefix = 'bench:api ';
/** A `bench:api` route label's route (`GET /v1/me`); null for other benches and for the goal runs' rows. */
export function benchRoute(label: string): string | null {
  if (!label.startsWith(benchPrefix)) return null;
  const route = label.slice(benchPrefix.length);
  return / at \d+% of capacity$|^API RSS$/.test(route) ? null : route;
}

/**
 * The route every bench ratio is a multiple of: the one whose ratio is 1 in every run that measured it
 * (the bench's own reference, whatever it is named). Other references keep their ratio to it.
 */
export function ratioBase(bench: PerfRuns): string | null {
  const base = bench.series.find(
    (s) =>
      s.metric === 'perf_ratio' &&
      benchRoute(s.label) !== null &&
      s.values.some((v) => v !== null) &&
      s.values.every((v) => v === null || v === 1),
  );
  return base ? benchRoute(base.label) : null;
}

/** The newest measured value of each series of a chart, lowest first: what its verdict quotes. */
export function newestValues(data: TrendChartData): Array<{ name: string; value: number }> {
  return data.series
    .flatMap((s) => {
      const last = [...s.points].reverse().find((p) => p.y !== null);
      return last ? [{ name: s.name, value: last.y! }] : [];
    })
    .sort((a, b) => a.value - b.value);
}
