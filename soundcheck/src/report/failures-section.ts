import type { KnownCluster } from '../analytics/clusters.ts';
import type { RecordedError, TestRecord } from '../reporter/test-record.ts';
import { areasOf } from '../triage/area.ts';
import { clusterDeliveryStops } from '../triage/delivery.ts';
import { clusterFailures, decidingError, describeCluster, type FailureCluster } from '../triage/signature.ts';
import { html, type Raw, raw } from './escape.ts';
import type { ReportModel } from './report-model.ts';

const titleOf = (test: TestRecord) => test.titlePath.join(' › ');

function colourDiff(diff: string): Raw {
  return raw(
    diff
      .split('\n')
      .map((line) => {
        const safe = html`${line}`.html;
        if (line.startsWith('+')) return `<span class="add">${safe}</span>`;
        if (line.startsWith('-')) return `<span class="del">${safe}</span>`;
        return safe;
      })
      .join('\n'),
  );
}

function errorDetail(test: TestRecord, error: RecordedError): Raw {
  return html`${test.note ? html`<div class="note">${test.note}</div>` : ''}
    <pre>${error.message}</pre>
    ${error.diff ? html`<pre class="diff">${colourDiff(error.diff)}</pre>` : ''}
    ${error.stack ? html`<details><summary>stack</summary><pre>${error.stack}</pre></details>` : ''}`;
}

function seen(known: KnownCluster | undefined, hasHistory: boolean): Raw | string {
  if (!hasHistory) return '';
  return known
    ? html`<span class="pill">known failure: seen in ${known.runs} run${known.runs === 1 ? '' : 's'} since ${known.since.slice(0, 10)}</span>`
    : html`<span class="pill failed">new failure</span>`;
}

function clusterCard(
  cluster: FailureCluster,
  known: KnownCluster | undefined,
  hasHistory: boolean,
  open: boolean,
): Raw {
  const first = cluster.tests[0]!;
  const areas = [...new Set(cluster.tests.flatMap((test) => areasOf(test).slice(0, 1)))];
  return html`<details class="failure cluster" ${open ? raw('open') : ''}>
    <summary><span class="title">${describeCluster(cluster)}</span>
      <span class="pill ${first.category ?? ''}">${first.category ?? 'unknown'}</span> ${seen(known, hasHistory)}
      ${areas.map((area) => html`<span class="pill">area: ${area}</span>`)}
      ${clusterDeliveryStops(cluster.tests).map((stop) => html`<span class="pill delivery">delivery: ${stop}</span>`)}</summary>
    ${errorDetail(first, decidingError(first)!)}
    <ul class="cluster-tests">${cluster.tests.map((test) => html`<li>${titleOf(test)} <span class="muted">${test.project} · ${test.file}</span></li>`)}</ul>
  </details>`;
}

function retriedCard(test: TestRecord): Raw {
  const error = decidingError(test);
  return html`<div class="failure flaky">
    <div class="title">${titleOf(test)} ${test.quarantined ? html`<span class="pill">quarantined</span>` : html`<span class="pill flaky">flaky${test.retries ? html`: passed on retry ${test.retries}` : ''}</span>`}</div>
    <div class="file">${test.project} · ${test.file}</div>
    ${error ? errorDetail(test, error) : ''}
  </div>`;
}

/**
 * Failures grouped by signature (normalised message + top frame in our code), largest cluster first: a
 * broken login that fails 83 tests is one expandable card, not 83. Each says whether the history has seen it.
 */
export function failuresSection({ result, history }: ReportModel): Raw {
  const clusters = clusterFailures(result.tests);
  const flaky = result.tests.filter((test) => test.status === 'flaky');
  const quarantined = result.tests.filter((test) => test.status === 'failed' && test.quarantined);
  const failed = clusters.reduce((sum, c) => sum + c.tests.length, 0);
  const known = new Map((history?.knownClusters ?? []).map((k) => [k.signature, k]));
  return html`<section class="wide" id="failures"><h2>Failures <span class="pill">${failed} in ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}</span></h2>
    ${clusters.length || flaky.length || quarantined.length ? '' : html`<p class="empty">Nothing failed, nothing needed a retry.</p>`}
    ${clusters.map((cluster, i) => clusterCard(cluster, known.get(cluster.signature), history !== null, i < 3))}
    ${quarantined.length ? html`<h3>Quarantined: failed, not counted <span class="pill">${quarantined.length}</span></h3><p class="muted">Listed in tests/quarantine.json with an owner and an expiry date.</p>${quarantined.map(retriedCard)}` : ''}
    ${flaky.length ? html`<h3>Flaky: passed only on retry, or new and failed a repeat <span class="pill flaky">${flaky.length}</span></h3>${flaky.map(retriedCard)}` : ''}
  </section>`;
}
