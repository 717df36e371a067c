import { errorCategories } from '../reporter/classify.ts';
import type { TestRecord } from '../reporter/test-record.ts';
import { areasOf } from '../triage/area.ts';
import { formatMs, meter, sparkline } from './charts.ts';
import { html, type Raw, raw } from './escape.ts';
import type { SectionEntry } from './extra-sections.ts';
import { failuresSection } from './failures-section.ts';
import { mutationSection } from './mutation-section.ts';
import { pageScript } from './page-script.ts';
import { pageStyle } from './page-style.ts';
import { benchSection, perfTrendsSection } from './perf/perf-history-section.ts';
import { performanceSection } from './perf/perf-section.ts';
import type { HistoryView, ReportModel } from './report-model.ts';

const titleOf = (test: TestRecord) => test.titlePath.join(' › ');

function header({ result }: ReportModel): Raw {
  const { run, tally } = result;
  const verdict = run.verdict === 'passed' && tally.flaky ? 'passed, with flaky tests' : run.verdict;
  return html`<header class="${run.verdict}">
    <div><h1>${verdict.toUpperCase()}</h1>
      <div class="meta">run ${run.id} · ${new Date(run.startedAt).toLocaleString('en-GB')} · ${run.environment}
        ${run.commit ? html`· ${run.commit.slice(0, 10)}` : ''} ${run.branch ? html`(${run.branch})` : ''}
        ${run.seed !== null ? html`· seed ${run.seed}` : ''} ${run.shard ? html`· shard ${run.shard}` : ''}
        · ${formatMs(result.metrics.totalDurationMs)} of tests</div></div>
    <div class="counts">
      ${(['passed', 'failed', 'flaky', 'skipped'] as const).map((k) => html`<div class="count"><b>${tally[k]}</b>${k}</div>`)}
    </div>
  </header>`;
}

function testTable({ result }: ReportModel): Raw {
  const tags = [...new Set(result.tests.flatMap((test) => test.tags))].sort();
  const areas = [...new Set(result.tests.flatMap((test) => areasOf(test)))].sort();
  const option = (value: string) => html`<option value="${value}">${value}</option>`;
  return html`<section class="wide"><h2>All tests <span class="pill" id="shown">${result.tests.length}</span></h2>
    <div class="filters">
      <select id="filter-status" aria-label="status"><option value="attention" selected>needs attention</option><option value="">every status</option>${['passed', 'failed', 'flaky', 'skipped'].map(option)}</select>
      <select id="filter-category" aria-label="category"><option value="">every category</option>${errorCategories.map(option)}</select>
      <select id="filter-tag" aria-label="tag"><option value="">every tag</option>${tags.map(option)}</select>
      <select id="filter-area" aria-label="API area"><option value="">every API area</option>${areas.map(option)}</select>
      <input id="filter-search" type="search" placeholder="search titles and files" aria-label="search">
    </div>
    <table id="tests"><thead><tr><th>status</th><th>test</th><th>tags</th><th class="num">duration</th><th class="num">retries</th></tr></thead><tbody>
    ${result.tests.map(
      (
        test,
      ) => html`<tr data-status="${test.status}" data-category="${test.category ?? ''}" data-tags="${test.tags.join(' ')}" data-areas="${areasOf(test).join(' ')}">
        <td><span class="pill ${test.status}">${test.status}</span></td>
        <td>${titleOf(test)}<div class="muted">${test.project} · ${test.file}${test.note ? html` · ${test.note}` : ''}</div></td>
        <td class="tags">${test.tags.map((tag) => html`<span class="pill">${tag}</span>`)}</td>
        <td class="num">${formatMs(test.durationMs)}</td><td class="num">${test.retries}</td></tr>`,
    )}
    </tbody></table></section>`;
}

function slowest({ result, history }: ReportModel): Raw {
  const tests = result.tests
    .filter((t) => t.status !== 'skipped')
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, 10);
  const slowdowns = history?.slowdowns ?? [];
  return html`<section><h2>Slowest tests</h2>
    <table><tbody>${tests.map((t) => html`<tr><td>${titleOf(t)}<div class="muted">${t.file}</div></td><td class="num">${formatMs(t.durationMs)}</td></tr>`)}</tbody></table>
    ${slowdowns.length ? html`<h3>Biggest slowdowns (median, recent runs)</h3><table><tbody>${slowdowns.map((s) => html`<tr><td>${s.title}</td><td class="num">${formatMs(s.beforeMs)} → ${formatMs(s.afterMs)}</td></tr>`)}</tbody></table>` : ''}
  </section>`;
}

function apiTimes({ result }: ReportModel): Raw {
  const routes = result.metrics.routes.slice(0, 12);
  return html`<section><h2>API response times seen by tests</h2>
    ${
      routes.length
        ? html`<table><thead><tr><th>route</th><th class="num">calls</th><th class="num">p50</th><th class="num">p95</th><th class="num">max</th></tr></thead><tbody>
    ${routes.map((r) => html`<tr><td>${r.route}</td><td class="num">${r.count}</td><td class="num">${formatMs(r.p50Ms)}</td><td class="num">${formatMs(r.p95Ms)}</td><td class="num">${formatMs(r.maxMs)}</td></tr>`)}</tbody></table>`
        : html`<p class="empty">No API calls recorded in this run.</p>`
    }
  </section>`;
}

function coverage({ coverage, result }: ReportModel): Raw {
  const mutation = result.metrics.mutationScorePct;
  return html`<section><h2>Quality</h2>
    ${coverage ? (['lines', 'statements', 'functions', 'branches'] as const).map((k) => html`<div class="cov"><span>${k}</span>${meter(coverage[k], k)}<span class="num">${coverage[k]}%</span></div>`) : html`<p class="empty">Coverage was not measured in this run (npm run qa measures it).</p>`}
    ${coverage ? html`<p><a href="coverage/index.html">line-by-line coverage</a></p>` : ''}
    ${mutation !== undefined ? html`<div class="cov"><span>mutation</span>${meter(mutation, 'mutation score')}<span class="num">${mutation}%</span></div>` : ''}
  </section>`;
}

function trends(history: HistoryView | null): Raw {
  if (!history)
    return html`<section><h2>Trends</h2><p class="empty">The history store could not be opened; trends need it.</p></section>`;
  const points = history.trends;
  return html`<section id="trends" class="wide"><h2>Trends <span class="pill">last ${points.length} runs</span></h2><div class="charts">
    ${sparkline(
      points.map((p) => p.passRatePct),
      { label: 'pass rate', unit: '%', max: 100, colour: '#1f9d55' },
    )}
    ${sparkline(
      points.map((p) => p.durationMs / 1000),
      { label: 'test time', unit: ' s', colour: '#4f7cff' },
    )}
    ${sparkline(
      points.map((p) => p.failed),
      { label: 'failed', unit: '', colour: '#d64545' },
    )}
    ${sparkline(
      points.map((p) => p.flaky),
      { label: 'flaky', unit: '', colour: '#8a5cf6' },
    )}
    ${
      points.some((p) => p.coveragePct !== null)
        ? sparkline(
            points.map((p) => p.coveragePct),
            { label: 'line coverage', unit: '%', max: 100, colour: '#d98b00' },
          )
        : ''
    }
  </div></section>`;
}

function flaky(history: HistoryView | null): Raw {
  const tests = history?.flaky ?? [];
  return html`<section id="flaky"><h2>Flaky tests <span class="pill">${tests.length}</span></h2>
    ${
      tests.length
        ? html`<table><thead><tr><th>test</th><th class="num" title="pass↔fail changes between consecutive runs">flips</th><th class="num" title="runs where it passed only on retry">retried</th><th class="num" title="commits where it both passed and failed">same-commit</th></tr></thead><tbody>
    ${tests.slice(0, 15).map((t) => html`<tr><td>${t.title}<div class="muted">${t.file}</div></td><td class="num">${t.flipRatePct}% of ${t.runs}</td><td class="num">${t.retriedThenPassed}</td><td class="num">${t.mixedCommits}</td></tr>`)}
    </tbody></table>`
        : html`<p class="empty">No test flipped between pass and fail, or needed a retry, in the recent history.</p>`
    }
  </section>`;
}

function extraSection(name: string, entries: SectionEntry[]): Raw {
  return html`<section id="${name}"><h2>${name[0]?.toUpperCase()}${name.slice(1)} <span class="pill">${entries.length}</span></h2>
    ${
      entries.length
        ? entries.map(
            (e) => html`<div><h3>${e.title} <span class="pill ${e.verdict}">${e.verdict}</span></h3>
      ${e.summary ? html`<p class="muted">${e.summary}</p>` : ''}
      ${e.metrics?.length ? html`<table><tbody>${e.metrics.map((m) => html`<tr><td>${m.name}</td><td class="num">${m.value}${m.unit ?? ''}</td><td class="num muted">${m.budget !== undefined ? html`budget ${m.budget}${m.unit ?? ''}` : ''}</td></tr>`)}</tbody></table>` : ''}
      ${e.findings?.length ? html`<table><tbody>${e.findings.map((f) => html`<tr><td><span class="pill ${f.severity}">${f.severity}</span></td><td>${f.title}<div class="muted">${f.detail ?? ''}</div></td></tr>`)}</tbody></table>` : ''}
    </div>`,
          )
        : html`<p class="empty">The ${name} suite left nothing in ${name}/ for this run.</p>`
    }
  </section>`;
}

/** `index.html`: one self-contained page (inline CSS, script and SVG; no network). */
export function renderPage(model: ReportModel): string {
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Soundcheck ${model.result.run.verdict} — ${model.result.run.id}</title><style>${raw(pageStyle)}</style></head>
<body>${header(model)}<main>
${failuresSection(model)}${trends(model.history)}${flaky(model.history)}${slowest(model)}${coverage(model)}${apiTimes(model)}
${mutationSection(model.history?.mutation)}
${performanceSection(model.performance, model.lastComparison)}${perfTrendsSection(model.history?.perf)}${benchSection(model.history?.perf)}
${extraSection('security', model.security)}${testTable(model)}
</main><script>${raw(pageScript)}</script></body></html>`;
  return page.html;
}
