import { formatNumber } from '../charts.ts';
import { html, type Raw } from '../escape.ts';
import type { SectionEntry } from '../extra-sections.ts';
import { comparisonVerdict, type LastComparison } from './last-comparison.ts';
import {
  asPerfEntry,
  budgetRows,
  latencyOverTime,
  type PerfEntry,
  stressCurve,
  throughputOverTime,
} from './run-charts-data.ts';
import { chart } from './svg-chart.ts';

const seconds = (v: number) => `${formatNumber(v)} s`;

function runCharts(entry: PerfEntry): Raw[] {
  const charts: Raw[] = [];
  const series = entry.timeSeries ?? [];
  if (series.length) {
    const latency = latencyOverTime(series);
    charts.push(
      chart({
        title: 'Latency percentiles, second by second',
        verdict: latency.verdict,
        tone: latency.tone,
        xLabel: 'seconds into the run',
        yUnit: 'ms',
        xTick: seconds,
        series: [
          { name: 'p50', colour: '#1f9d55', points: latency.data.p50 },
          { name: 'p95', colour: '#4f7cff', points: latency.data.p95 },
          { name: 'p99', colour: '#d98b00', points: latency.data.p99, dashed: true },
        ],
      }),
    );
    const throughput = throughputOverTime(series);
    charts.push(
      chart({
        title: 'Throughput and errors',
        verdict: throughput.verdict,
        tone: throughput.tone,
        xLabel: 'seconds into the run',
        yUnit: 'req/s',
        rightUnit: 'per s',
        xTick: seconds,
        series: [
          { name: 'requests completed', colour: '#4f7cff', points: throughput.data.requests },
          { name: 'errors', colour: '#d64545', points: throughput.data.errors, kind: 'bars', axis: 'right' },
          {
            name: 'dropped iterations',
            colour: '#d98b00',
            points: throughput.data.dropped,
            kind: 'bars',
            axis: 'right',
          },
        ],
      }),
    );
  }
  if (entry.knee?.curve.length) {
    const stress = stressCurve(entry.knee);
    const knee = stress.data.knee;
    charts.push(
      chart({
        title: 'Stress curve: p99 as the arrival rate ramps',
        verdict: stress.verdict,
        tone: stress.tone,
        xLabel: 'target arrival rate (iterations/s)',
        yUnit: 'p99 ms',
        rightUnit: '% errors',
        series: [
          { name: 'p99', colour: '#4f7cff', points: stress.data.p99 },
          { name: 'errors', colour: '#d64545', points: stress.data.errorPct, kind: 'bars', axis: 'right' },
        ],
        markers: knee ? [{ x: knee.rate, label: `knee ${formatNumber(knee.rate)} it/s` }] : [],
        guides: [{ y: stress.data.knee?.baselineP99 ?? 0, label: 'calm p99' }].filter((g) => g.y > 0),
      }),
    );
  }
  return charts;
}

function budgetTable(entry: SectionEntry): Raw {
  const budgets = budgetRows(entry);
  // A stress ramp's p95s include saturation by design: without budgets they are no table to read.
  if (!budgets.data.some((row) => row.budget !== null)) return html``;
  const bar = (share: number | null, status: string) =>
    share === null
      ? ''
      : html`<div class="share ${status}" title="${Math.round(share * 100)}% of budget"><span style="width:${Math.min(100, (share / 1.5) * 100).toFixed(1)}%"></span><b style="left:${(100 / 1.5).toFixed(1)}%"></b></div>`;
  return html`<figure class="chart budgets"><figcaption><h3>p95 per request against its budget</h3>
    <p class="verdict ${budgets.tone}">${budgets.verdict}</p></figcaption>
    <table><thead><tr><th>request</th><th class="num">p95</th><th class="num">budget</th><th>share of budget (tick = 100%)</th></tr></thead><tbody>
    ${budgets.data.map((row) => html`<tr class="${row.status === 'over' ? 'over' : ''}"><td>${row.name}</td><td class="num">${formatNumber(row.p95)} ms</td><td class="num">${row.budget === null ? '—' : html`${formatNumber(row.budget)} ms`}</td><td>${bar(row.share, row.status)}</td></tr>`)}
    </tbody></table></figure>`;
}

function entryBlock(raw: SectionEntry): Raw {
  const entry = asPerfEntry(raw);
  return html`<div class="perf-entry"><h3>${entry.title} <span class="pill ${entry.verdict}">${entry.verdict}</span></h3>
    ${entry.summary ? html`<p class="muted">${entry.summary}</p>` : ''}
    <div class="chart-grid">${runCharts(entry)}${budgetTable(entry)}</div>
    ${entry.findings?.length ? html`<table><tbody>${entry.findings.map((f) => html`<tr><td><span class="pill ${f.severity}">${f.severity}</span></td><td>${f.title}<div class="muted">${f.detail ?? ''}</div></td></tr>`)}</tbody></table>` : ''}
  </div>`;
}

const num = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function comparisonTable(last: LastComparison | null): Raw {
  if (!last)
    return html`<div class="perf-entry" id="perf-compare"><h3>Last <code>perf compare</code></h3><p class="empty">No comparison in reports/perf-compare/ yet: <code>npx soundcheck perf compare main</code> makes one.</p></div>`;
  const shaped = comparisonVerdict(last);
  const { result } = last;
  return html`<div class="perf-entry" id="perf-compare"><h3>Last <code>perf compare</code> <span class="pill">${result.finishedAt.slice(0, 16).replace('T', ' ')}</span></h3>
    <p class="verdict ${shaped.tone}">${shaped.verdict}</p>
    <p class="muted">${result.scenario}: ratio = candidate / baseline of the median ${result.metric === 'cpu' ? 'API CPU time' : 'latency'} per request; α = ${result.gate.alpha}, Holm across ${result.endpoints.length} endpoints, minimum effect ${Math.round(result.gate.minEffect * 100)}% · ${last.file}</p>
    <table><thead><tr><th>endpoint</th><th class="num">pairs</th><th class="num">ratio</th><th class="num">95% CI</th><th class="num">p (Holm)</th><th>verdict</th></tr></thead><tbody>
    ${shaped.data.map((row) => html`<tr><td>${row.endpoint}</td><td class="num">${row.validPairs}</td><td class="num">${num(row.ratio)}×</td><td class="num">${num(row.ciLow)} – ${num(row.ciHigh)}</td><td class="num">${num(row.pAdjusted, 4)}</td><td><span class="pill ${row.verdict === 'slower' ? 'failed' : row.verdict === 'faster' ? 'passed' : row.verdict === 'inconclusive' ? 'warning' : ''}">${row.verdict}</span></td></tr>`)}
    </tbody></table></div>`;
}

/** The run's performance section: each suite's entry with its charts, then the last `perf compare`. */
export function performanceSection(entries: readonly SectionEntry[], last: LastComparison | null): Raw {
  const failed = entries.filter((e) => e.verdict === 'failed').length;
  return html`<section id="performance" class="wide"><h2>Performance <span class="pill">${entries.length}</span>${failed ? html` <span class="pill failed">${failed} failed</span>` : ''}</h2>
    ${entries.length ? entries.map(entryBlock) : html`<p class="empty">The performance suites left nothing in performance/ for this run (npm run qa runs the load suite; npm run test:performance runs stress too).</p>`}
    ${comparisonTable(last)}
  </section>`;
}
