import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadResult } from '../../load/index.ts';
import type { SectionEntry } from '../../report/extra-sections.ts';
import type { PerfFigure } from './perf-figures.ts';

/** A run's performance entry: what the dashboard shows, the 1-second series for its charts, and the history's figures. */
export interface PerfSection extends SectionEntry {
  history: PerfFigure[];
  timeSeries?: LoadResult['timeSeries'];
  knee?: { rate: number; curve: Array<{ rate: number; p99: number | null; errorRate: number }> };
}

const r1 = (value: number) => Math.round(value * 10) / 10;

/** A load run as a dashboard entry: p95 per request name against its budget, the figures for the history. */
export function loadSection(
  title: string,
  result: LoadResult,
  budgetOf: (name: string) => number | undefined,
): PerfSection {
  const { summary } = result;
  const over = summary.byName.filter((stats) => {
    const budget = budgetOf(stats.name);
    return budget !== undefined && stats.service.p95 > budget;
  });
  const failed = !summary.passed || over.length > 0 || summary.overall.errors.byStatusClass['5xx'] > 0;
  const label = (name: string) => `${summary.scenario} ${name}`;
  return {
    title,
    verdict: failed ? 'failed' : 'passed',
    summary: `${r1(summary.achievedRate)} it/s (target ${summary.targetRate ?? '—'}), p95 ${r1(summary.overall.corrected.p95)} ms, ${summary.overall.failed} failed of ${summary.overall.requests}${over.length ? `; over budget: ${over.map((s) => s.name).join(', ')}` : ''}`,
    metrics: summary.byName.map((stats) => {
      const budget = budgetOf(stats.name);
      return {
        name: `${stats.name} p95`,
        value: r1(stats.service.p95),
        unit: 'ms',
        ...(budget ? { budget } : {}),
      };
    }),
    history: [
      { name: 'perf_rps', label: summary.scenario, value: r1(summary.overall.throughput) },
      { name: 'perf_errors', label: summary.scenario, value: summary.overall.failed },
      { name: 'perf_p95_ms', label: summary.scenario, value: r1(summary.overall.corrected.p95) },
      ...summary.byName.flatMap((stats) => [
        { name: 'perf_p50_ms', label: label(stats.name), value: r1(stats.service.p50) },
        { name: 'perf_p95_ms', label: label(stats.name), value: r1(stats.service.p95) },
        { name: 'perf_p99_ms', label: label(stats.name), value: r1(stats.service.p99) },
      ]),
    ],
    timeSeries: result.timeSeries,
  };
}

/** Drops an entry into the run folder's `performance/` (when the run has one: `SOUNDCHECK_RUN_DIR`). */
export function writePerfSection(file: string, entry: PerfSection, env = process.env): void {
  if (!env.SOUNDCHECK_RUN_DIR) return;
  const dir = path.join(env.SOUNDCHECK_RUN_DIR, 'performance');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${file}.json`), `${JSON.stringify(entry, null, 2)}\n`);
}
