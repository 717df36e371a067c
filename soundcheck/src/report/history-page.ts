import type { FlakyTest } from '../analytics/flaky.ts';
import type { MutationView } from '../analytics/mutation.ts';
import type { RunRow } from '../analytics/runs.ts';
import type { RunTrendPoint } from '../analytics/trends.ts';
import { formatMs, sparkline } from './charts.ts';
import { html, raw } from './escape.ts';
import { mutationSection } from './mutation-section.ts';
import { pageStyle } from './page-style.ts';

/** `soundcheck serve`'s front page: every run, with links to its dashboard, trends and flaky tests. */
export function renderHistoryPage(
  runs: RunRow[],
  trends: RunTrendPoint[],
  flaky: FlakyTest[],
  mutation?: MutationView,
): string {
  const latest = runs[0];
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Soundcheck history</title>
<style>${raw(pageStyle)}</style></head><body>
<header class="${latest?.verdict ?? 'running'}"><div><h1>SOUNDCHECK HISTORY</h1><div class="meta">${runs.length} runs · newest ${latest ? html`${latest.id}: ${latest.verdict}` : 'none yet'} · <a style="color:#fff" href="/metrics">/metrics</a></div></div></header>
<main>
<section class="wide"><h2>Trends <span class="pill">last ${trends.length} runs</span></h2><div class="charts">
  ${sparkline(
    trends.map((p) => p.passRatePct),
    { label: 'pass rate', unit: '%', max: 100, colour: '#1f9d55' },
  )}
  ${sparkline(
    trends.map((p) => p.durationMs / 1000),
    { label: 'test time', unit: ' s' },
  )}
  ${sparkline(
    trends.map((p) => p.flaky),
    { label: 'flaky', unit: '', colour: '#8a5cf6' },
  )}
</div></section>
<section><h2>Flaky tests <span class="pill">${flaky.length}</span></h2><table><tbody>
  ${flaky.slice(0, 20).map((t) => html`<tr><td>${t.title}<div class="muted">${t.file}</div></td><td class="num">${t.flips} flips / ${t.runs}</td><td class="num">${t.retriedThenPassed} retried</td></tr>`)}
</tbody></table></section>
${mutationSection(mutation)}
<section class="wide"><h2>Runs</h2><table><thead><tr><th>run</th><th>verdict</th><th class="num">passed</th><th class="num">failed</th><th class="num">flaky</th><th class="num">skipped</th><th>commit</th><th class="num">test time</th></tr></thead><tbody>
  ${runs.map(
    (
      r,
    ) => html`<tr><td><a href="/runs/${r.id}/index.html">${r.id}</a><div class="muted">${r.startedAt.replace('T', ' ').slice(0, 19)} · ${r.environment}${r.shard ? html` · shard ${r.shard}` : ''}</div></td>
    <td><span class="pill ${r.verdict}">${r.verdict}</span></td><td class="num">${r.passed}</td><td class="num">${r.failed}</td><td class="num">${r.flaky}</td><td class="num">${r.skipped}</td>
    <td>${r.commit?.slice(0, 10) ?? ''}</td><td class="num">${formatMs(r.durationMs ?? 0)}</td></tr>`,
  )}
</tbody></table></section>
</main></body></html>`.html;
}
