import { table } from '../cli/table.ts';
import type { LoadSummary, RequestStats, TimePoint } from './result-types.ts';

const fixed = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));

/** The live line, once a second: achieved vs target rate, p95, errors, dropped, VUs. */
export function liveLine(point: TimePoint): string {
  const target = point.targetRate === null ? '' : `/${Math.round(point.targetRate)}`;
  return (
    `  ${String(point.second + 1).padStart(4)}s  rate ${point.achievedRate}${target}/s  ` +
    `p95 ${fixed(point.p95)} ms  errors ${point.errors}  dropped ${point.dropped}  VUs ${point.activeVUs}`
  );
}

function errorText(stats: RequestStats): string {
  const parts = [
    ...(['4xx', '5xx'] as const).map((c) => [c, stats.errors.byStatusClass[c]] as const),
    ...Object.entries(stats.errors.byKind),
  ].filter(([, n]) => n > 0);
  return parts.length ? parts.map(([kind, n]) => `${kind} ${n}`).join(', ') : '0';
}

function row(stats: RequestStats): Array<string | number> {
  const c = stats.corrected;
  return [
    stats.name,
    stats.requests,
    stats.throughput,
    c.p50,
    c.p90,
    c.p95,
    c.p99,
    c.p999,
    c.max,
    stats.service.p99,
    errorText(stats),
  ];
}

/** The final table: per request name and overall, then iterations and thresholds. */
export function finalReport(summary: LoadSummary): string {
  const { iterations: it } = summary;
  const rate = summary.targetRate === null ? '' : ` (target ${summary.targetRate}/s)`;
  const lines = [
    `${summary.scenario}: ${summary.executor} against ${summary.target}, ${summary.durationS}s, ${summary.workers} thread(s)`,
    '',
    table(
      [
        'request (latency in ms, from the intended start)',
        'count',
        'req/s',
        'p50',
        'p90',
        'p95',
        'p99',
        'p99.9',
        'max',
        'svc p99',
        'errors',
      ],
      [...summary.byName.map(row), ...(summary.byName.length > 1 ? [row(summary.overall)] : [])],
    ),
    '',
    `iterations: ${it.started} started at ${summary.achievedRate}/s${rate}, ${it.completed} completed, ` +
      `${it.failed} failed, ${it.dropped} dropped, ${it.interrupted} interrupted`,
    ...summary.iterationErrors.map((e) => `  ${e.count}× ${e.message}`),
    ...summary.thresholds.map(
      (t) =>
        `${t.ok ? '✓' : '✗'} ${t.metric} ${t.rule}  (saw ${t.observed === null ? 'no data' : fixed(t.observed, 3)})`,
    ),
  ];
  if (summary.aborted) lines.push(`stopped early: ${summary.aborted}`);
  return lines.join('\n');
}

/** Several scenarios run side by side: one row each, and all their requests as one (merged exactly). */
export function scenariosReport(summaries: LoadSummary[], all: RequestStats): string {
  const header = [
    'scenario (latency in ms, from the intended start)',
    'count',
    'req/s',
    'p50',
    'p90',
    'p95',
    'p99',
  ];
  return table(
    [...header, 'p99.9', 'max', 'svc p99', 'errors'],
    [...summaries.map((summary) => row({ ...summary.overall, name: summary.scenario })), row(all)],
  );
}
