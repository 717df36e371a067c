import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SectionEntry } from '../report/extra-sections.ts';
import type { LoadResult } from './result-types.ts';

/**
 * `performance/<scenario>.json`: the dashboard's performance entry (`title`, `verdict`, `summary`,
 * `metrics`, `findings` — see `report/extra-sections.ts`) plus `load`, the whole `LoadResult`:
 *
 * ```json
 * { "title": "load: browse (constant-arrival-rate)", "verdict": "passed",   // failed: a threshold failed
 *   "summary": "499.8/s of 500/s, p95 4.1 ms, p99 9.8 ms, 0 errors, 0 dropped",  // warning: dropped or aborted
 *   "metrics": [{ "name": "p95", "value": 4.1, "unit": "ms", "budget": 50 }, …],
 *   "findings": [{ "severity": "high", "title": "threshold failed: http_req_duration p(95)<50", "detail": "saw 61.2" }],
 *   "load": {
 *     "summary": { LoadSummary: scenario, executor, iterations {started, completed, failed, dropped,
 *                  interrupted}, targetRate, achievedRate, overall and byName[] RequestStats {name, requests,
 *                  failed, throughput, corrected and service {count,min,mean,p50,p90,p95,p99,p999,max} in ms,
 *                  errors {byStatusClass, byKind}}, thresholds[] {metric, rule, ok, observed}, aborted, passed },
 *     "timeSeries": [{ "second": 0, "targetRate": 500, "achievedRate": 500, "requests": 500, "p50": 1.2,
 *                      "p95": 4.1, "p99": 9.8, "errors": 0, "dropped": 0, "activeVUs": 3 }, …],
 *     "histograms": { "overall": { "corrected": "HISTFAAA…", "service": "HISTFAAA…" },
 *                     "byName": { "GET /v1/releases/{id}": { … } } } } }
 * ```
 * Histograms are HDR (µs), `hdr-histogram-js` `encodeIntoCompressedBase64`: `decodeHistogram` reads them.
 */
export interface LoadReportFile extends SectionEntry {
  load: LoadResult;
}

const BUDGET = /^p\((\d+(?:\.\d+)?)\)\s*<=?\s*(\d+(?:\.\d+)?)$/;

function budgetOf(result: LoadResult, percentile: string): number | undefined {
  for (const outcome of result.summary.thresholds) {
    const match = outcome.metric === 'http_req_duration' ? BUDGET.exec(outcome.rule) : null;
    if (match?.[1] === percentile) return Number(match[2]);
  }
  return undefined;
}

/** The dashboard's view of a load result. */
export function toReportFile(result: LoadResult): LoadReportFile {
  const { summary } = result;
  const { corrected } = summary.overall;
  const errors = summary.overall.failed;
  const rate = summary.targetRate === null ? '' : ` of ${summary.targetRate}/s`;
  const metric = (name: string, value: number, unit: string, budget?: number) =>
    budget === undefined ? { name, value, unit } : { name, value, unit, budget };
  return {
    title: `load: ${summary.scenario} (${summary.executor})`,
    verdict: !summary.passed
      ? 'failed'
      : summary.iterations.dropped > 0 || summary.aborted
        ? 'warning'
        : 'passed',
    summary:
      `${summary.achievedRate}/s${rate}, p95 ${corrected.p95} ms, p99 ${corrected.p99} ms, ${errors} errors, ` +
      `${summary.iterations.dropped} dropped${summary.aborted ? `; stopped: ${summary.aborted}` : ''}`,
    metrics: [
      metric('p50', corrected.p50, 'ms', budgetOf(result, '50')),
      metric('p95', corrected.p95, 'ms', budgetOf(result, '95')),
      metric('p99', corrected.p99, 'ms', budgetOf(result, '99')),
      metric('throughput', summary.overall.throughput, 'req/s'),
      metric('errors', errors, 'requests'),
      metric('dropped', summary.iterations.dropped, 'iterations'),
    ],
    findings: summary.thresholds
      .filter((outcome) => !outcome.ok)
      .map((outcome) => ({
        severity: 'high',
        title: `threshold failed: ${outcome.metric} ${outcome.rule}`,
        detail: outcome.observed === null ? 'no data' : `saw ${outcome.observed}`,
      })),
    load: result,
  };
}

/** Writes `<folder>/performance/<scenario>.json`; returns its path. */
export function writeLoadReport(folder: string, result: LoadResult): string {
  const file = path.join(folder, 'performance', `${result.summary.scenario}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(toReportFile(result), null, 2)}\n`);
  return file;
}
