import type { PerfHistory, PerfRuns } from '../../analytics/perf-history.ts';
import { formatNumber } from '../charts.ts';
import { html, type Raw } from '../escape.ts';
import {
  allChanges,
  benchRoute,
  newestValues,
  ratioBase,
  scenarioLabels,
  shortCommit,
  type TrendChartData,
  trendChart,
} from './history-charts-data.ts';
import { type ChartOptions, chart } from './svg-chart.ts';

/** x values to label: about eight runs, always the newest. */
function runTicks(count: number): number[] {
  const step = Math.max(1, Math.ceil(count / 8));
  const ticks = [];
  for (let i = (count - 1) % step; i < count; i += step) ticks.push(i);
  return ticks;
}

function historyChart(
  runs: PerfRuns,
  data: TrendChartData,
  options: Pick<ChartOptions, 'title' | 'yUnit' | 'guides' | 'logY'> & { verdict?: string },
): Raw {
  return chart({
    ...options,
    verdict: options.verdict ?? data.verdict,
    tone: data.tone,
    xLabel: 'runs, oldest to newest (commit)',
    xTick: (x) => shortCommit(runs.runs[x]),
    xTicks: runTicks(runs.runs.length),
    series: data.series,
    markers: data.markers,
    connectGaps: true,
  });
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

const signed = (change: number) => `${change >= 0 ? '+' : '−'}${formatNumber(Math.abs(change) * 100)}%`;

function changeTable(runs: PerfRuns): Raw {
  const changes = allChanges(runs);
  if (!changes.length) return html``;
  return html`<h3>Change points, newest first <span class="muted">(every perf series; <code>npx soundcheck trends --perf</code> lists them all)</span></h3>
    <table><thead><tr><th>series</th><th>figure</th><th>commit</th><th class="num">mean before → after</th><th class="num">change</th></tr></thead><tbody>
    ${changes.map((c) => html`<tr><td>${c.label}</td><td>${c.metric}</td><td><code>${shortCommit(c.run)}</code> <span class="muted">${c.run.startedAt.slice(0, 10)}</span></td><td class="num">${formatNumber(c.meanBefore)} → ${formatNumber(c.meanAfter)}</td><td class="num">${signed(c.change)}</td></tr>`)}
    </tbody></table>`;
}

/** Performance across runs: p95, throughput, capacity and time-to-delivered, with change points marked. */
export function perfTrendsSection(history: PerfHistory | undefined): Raw {
  const runs = history?.runs;
  if (!runs?.runs.length)
    return html`<section id="perf-trends" class="wide"><h2>Performance across runs</h2><p class="empty">No run has recorded performance figures yet (the load and stress suites record them).</p></section>`;
  const scenarios = scenarioLabels(runs);
  const scenario = (label: string) => (scenarios.has(label) ? label : null);
  const any = (label: string) => label;
  const charts = [
    historyChart(runs, trendChart(runs, 'perf_p95_ms', scenario, 'up'), {
      title: 'p95 per scenario',
      yUnit: 'ms',
    }),
    historyChart(runs, trendChart(runs, 'perf_rps', scenario, 'down'), {
      title: 'Throughput per scenario',
      yUnit: 'req/s',
    }),
    historyChart(runs, trendChart(runs, 'perf_capacity_rps', any, 'down'), {
      title: 'Capacity: the stress knee',
      yUnit: 'it/s',
    }),
  ];
  const delivered = trendChart(runs, 'perf_time_to_delivered_p95_ms', any, 'up');
  if (delivered.series.length)
    charts.push(historyChart(runs, delivered, { title: 'Time to delivered (p95) per partner', yUnit: 'ms' }));
  return html`<section id="perf-trends" class="wide"><h2>Performance across runs <span class="pill">${plural(runs.runs.length, 'run')} with figures</span></h2>
    <p class="muted">Vertical lines are change points (E-divisive means, Otava's defaults), labelled with the step in the series' mean.</p>
    <div class="chart-grid">${charts}</div>${changeTable(runs)}</section>`;
}

/** `npm run bench:api` across commits: each route's requests/s as a multiple of the bare reference's, and raw. */
export function benchSection(history: PerfHistory | undefined): Raw {
  const bench = history?.bench;
  if (!bench?.runs.length)
    return html`<section id="bench" class="wide"><h2>API hot path: <code>npm run bench:api</code></h2><p class="empty">No bench run recorded yet: <code>npm run bench:api</code> records one per commit.</p></section>`;
  const base = ratioBase(bench);
  const routes = (label: string) => {
    const route = benchRoute(label);
    return route === base ? null : route;
  };
  const ratio = trendChart(bench, 'perf_ratio', routes, 'down');
  const lowest = newestValues(ratio)[0];
  const cpu = trendChart(bench, 'perf_cpu_ratio', routes, 'up');
  const costliest = newestValues(cpu).at(-1);
  const rps = trendChart(bench, 'perf_rps', benchRoute, 'down');
  const ref = newestValues(rps).find((v) => v.name === base);
  const charts = [
    historyChart(bench, ratio, {
      title: 'Requests/s as a multiple of the reference',
      yUnit: '× ref',
      guides: [{ y: 1, label: base ?? 'reference' }],
      verdict: lowest
        ? `Newest: slowest route ${lowest.name} at ${formatNumber(lowest.value)}× the reference; ${lowerFirst(ratio.verdict)}`
        : ratio.verdict,
    }),
    historyChart(bench, rps, {
      title: 'Requests/s per route (log scale)',
      yUnit: 'req/s',
      logY: true,
      verdict: ref
        ? `Newest reference: ${formatNumber(ref.value)} req/s — a busy machine moves every line together; ${lowerFirst(rps.verdict)}`
        : rps.verdict,
    }),
  ];
  if (cpu.series.length)
    charts.push(
      historyChart(bench, cpu, {
        title: 'Server CPU per request, × the reference’s (the steadiest figure)',
        yUnit: '× ref',
        guides: [{ y: 1, label: 'reference' }],
        verdict: costliest
          ? `Newest: costliest route ${costliest.name} at ${formatNumber(costliest.value)}× the reference's CPU; ${lowerFirst(cpu.verdict)}`
          : cpu.verdict,
      }),
    );
  return html`<section id="bench" class="wide"><h2>API hot path: <code>npm run bench:api</code> across commits <span class="pill">${plural(bench.runs.length, 'bench run')}</span></h2>
    <p class="muted">Each point is one bench run (environment <code>bench</code> in the history), labelled by its commit; ratios compare a route with the reference measured in the same run.</p>
    <div class="chart-grid">${charts}</div></section>`;
}
