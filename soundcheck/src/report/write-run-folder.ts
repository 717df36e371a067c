import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorSummary } from '../reporter/error-summary.ts';
import { readSection } from './extra-sections.ts';
import { renderJunit } from './junit.ts';
import { renderPage } from './page.ts';
import { readLastComparison } from './perf/last-comparison.ts';
import type { CoverageTotals, HistoryView } from './report-model.ts';
import { type RunResult, writeRunResult } from './run-result.ts';

/** Totals from `coverage/coverage-summary.json` (the v8 provider's `json-summary` reporter), if present. */
export function readCoverage(folder: string): CoverageTotals | null {
  const file = path.join(folder, 'coverage', 'coverage-summary.json');
  if (!existsSync(file)) return null;
  const { total } = JSON.parse(readFileSync(file, 'utf8')) as {
    total: Record<keyof CoverageTotals, { pct: number }>;
  };
  return {
    lines: total.lines.pct,
    statements: total.statements.pct,
    functions: total.functions.pct,
    branches: total.branches.pct,
  };
}

/** Writes a run's outputs: `results.json`, `junit.xml`, `errors.json`, `summary.json` and `index.html`. */
export function writeRunFolder(folder: string, result: RunResult, history: HistoryView | null): string[] {
  writeRunResult(folder, result);
  writeFileSync(path.join(folder, 'junit.xml'), renderJunit(result));
  writeFileSync(path.join(folder, 'errors.json'), `${JSON.stringify(errorSummary(result.tests), null, 2)}\n`);
  const { passed, failed, skipped, flaky } = result.tally;
  writeFileSync(
    path.join(folder, 'summary.json'),
    `${JSON.stringify({ runId: result.run.id, seed: result.run.seed, verdict: result.run.verdict, passed, failed, skipped, flaky }, null, 2)}\n`,
  );
  const page = renderPage({
    result,
    history,
    coverage: readCoverage(folder),
    performance: readSection(folder, 'performance'),
    // A run folder is <reports>/<run id>; `perf compare` writes to <reports>/perf-compare/.
    lastComparison: readLastComparison(path.dirname(folder)),
    security: readSection(folder, 'security'),
  });
  writeFileSync(path.join(folder, 'index.html'), page);
  return ['index.html', 'junit.xml', 'results.json', 'errors.json', 'summary.json'];
}
