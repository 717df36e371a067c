import type { TimePoint } from '../../load/result-types.ts';
import { kneeIndex } from '../../perf/history/knee.ts';
import { formatNumber } from '../charts.ts';
import type { SectionEntry } from '../extra-sections.ts';
import type { ChartPoint, Tone } from './svg-chart.ts';

/**
 * A performance entry of the run folder (`performance/<suite>-<scenario>.json`) as the dashboard reads it:
 * the section entry, and when a load or stress suite wrote it, its 1-second series and stress curve.
 */
export interface PerfEntry extends SectionEntry {
  timeSeries?: TimePoint[];
  knee?: { rate: number; curve: Array<{ rate: number; p99: number | null; errorRate: number }> };
}

export interface Shaped<T> {
  data: T;
  verdict: string;
  tone: Tone;
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

const ms = (v: number) => `${formatNumber(v)} ms`;

/** p50, p95 and p99 per second of the run; the verdict names the typical p95 and the worst second. */
export function latencyOverTime(
  series: readonly TimePoint[],
): Shaped<Record<'p50' | 'p95' | 'p99', ChartPoint[]>> {
  const pick = (key: 'p50' | 'p95' | 'p99') => series.map((p) => ({ x: p.second, y: p[key] }));
  const measured = series.filter((p) => p.p99 !== null);
  if (!measured.length)
    return { data: { p50: [], p95: [], p99: [] }, verdict: 'No request completed in this run.', tone: 'bad' };
  const typical = median(measured.map((p) => p.p95!));
  const worst = measured.reduce((a, b) => (b.p99! > a.p99! ? b : a));
  const spiky = worst.p99! > 3 * typical && worst.p99! - typical > 50;
  return {
    data: { p50: pick('p50'), p95: pick('p95'), p99: pick('p99') },
    verdict: `p95 typically ${ms(typical)}; worst second's p99 ${ms(worst.p99!)} at ${worst.second} s${spiky ? ' — a spike worth a look' : ''}`,
    tone: spiky ? 'warn' : 'good',
  };
}

/** Requests completed per second, and errors and dropped iterations per second. */
export function throughputOverTime(
  series: readonly TimePoint[],
): Shaped<{ requests: ChartPoint[]; errors: ChartPoint[]; dropped: ChartPoint[] }> {
  const requests = series.map((p) => ({ x: p.second, y: p.requests }));
  const total = (key: 'requests' | 'errors' | 'dropped') => series.reduce((sum, p) => sum + p[key], 0);
  const seconds = series.length;
  const errors = total('errors');
  const dropped = total('dropped');
  const mean = seconds ? total('requests') / seconds : 0;
  return {
    data: {
      requests,
      errors: series.map((p) => ({ x: p.second, y: p.errors })),
      dropped: series.map((p) => ({ x: p.second, y: p.dropped })),
    },
    verdict: `${formatNumber(mean)} requests/s on average over ${seconds} s; ${errors ? `${errors} errors` : 'no errors'}${dropped ? `, ${dropped} iterations dropped (no free VU)` : ''}`,
    tone: errors ? 'bad' : dropped ? 'warn' : 'good',
  };
}

/**
 * The stress curve: p99 and error rate against the target rate, and where it broke, judged by the stress
 * suite's own rule (`kneeIndex`) on the stored curve. Only the ramp is drawn: the seconds after its peak
 * (the graceful stop, draining at a falling rate) would fold the line back over itself.
 */
export function stressCurve(knee: NonNullable<PerfEntry['knee']>): Shaped<{
  p99: ChartPoint[];
  errorPct: ChartPoint[];
  knee: { rate: number; p99: number | null; baselineP99: number } | null;
}> {
  const { index, baselineP99 } = kneeIndex(knee.curve);
  const at = index >= 0 ? knee.curve[index]! : null;
  const peak = Math.max(...knee.curve.map((p) => p.rate), 0);
  const ramp = knee.curve.slice(0, knee.curve.findLastIndex((p) => p.rate === peak) + 1);
  return {
    data: {
      p99: ramp.map((p) => ({ x: p.rate, y: p.p99 })),
      errorPct: ramp.map((p) => ({ x: p.rate, y: Math.round(p.errorRate * 1000) / 10 })),
      knee: at ? { rate: at.rate, p99: at.p99, baselineP99 } : null,
    },
    verdict: at
      ? `Knee at ${formatNumber(at.rate)} it/s: p99 ${ms(at.p99 ?? 0)} against a calm ${ms(baselineP99)}${at.errorRate > 0.01 ? `, ${formatNumber(at.errorRate * 100)}% errors` : ''}`
      : `No knee up to ${formatNumber(peak)} it/s: p99 stayed near the calm ${ms(baselineP99)}`,
    tone: at ? 'warn' : 'good',
  };
}

export interface BudgetRow {
  name: string;
  p95: number;
  budget: number | null;
  /** p95 / budget (null without a budget). */
  share: number | null;
  status: 'within' | 'over' | 'no budget';
}

/** The entry's p95 per request against its budget, worst share first. */
export function budgetRows(entry: SectionEntry): Shaped<BudgetRow[]> {
  const rows = (entry.metrics ?? []).map((m): BudgetRow => {
    const budget = m.budget ?? null;
    const share = budget ? m.value / budget : null;
    return {
      name: m.name.replace(/ p95$/, ''),
      p95: m.value,
      budget,
      share,
      status: budget === null ? 'no budget' : m.value > budget ? 'over' : 'within',
    };
  });
  rows.sort((a, b) => (b.share ?? -1) - (a.share ?? -1));
  const over = rows.filter((r) => r.status === 'over').length;
  const budgeted = rows.filter((r) => r.budget !== null).length;
  return {
    data: rows,
    verdict: !budgeted
      ? 'No request of this entry has a budget.'
      : over
        ? `${over} of ${budgeted} budgeted requests over their p95 budget`
        : `All ${budgeted} budgeted requests within their p95 budget${rows[0]?.share ? ` (closest: ${rows[0].name} at ${Math.round(rows[0].share * 100)}%)` : ''}`,
    tone: over ? 'bad' : budgeted ? 'good' : 'neutral',
  };
}

/** What `performance/*.json` carries beyond a section entry, kept only when it has the expected shape. */
export function asPerfEntry(entry: SectionEntry): PerfEntry {
  const { timeSeries, knee } = entry as PerfEntry;
  return {
    ...entry,
    timeSeries:
      Array.isArray(timeSeries) && timeSeries.every((p) => typeof p?.second === 'number')
        ? timeSeries
        : undefined,
    knee:
      knee && Array.isArray(knee.curve) && knee.curve.every((p) => typeof p?.rate === 'number')
        ? knee
        : undefined,
  };
}
