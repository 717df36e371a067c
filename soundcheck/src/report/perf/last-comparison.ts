import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComparisonResult } from '../../perf/compare/comparison.ts';
import type { Shaped } from './run-charts-data.ts';

/** What the dashboard shows of a `perf compare`: the JSON it wrote, and its file name. */
export interface LastComparison {
  file: string;
  result: ComparisonResult;
}

/**
 * The newest comparison in `<reports>/perf-compare/` (its files are named by when they finished, so the
 * last name is the newest); null when there is none or it does not parse as a comparison.
 */
export function readLastComparison(reportsDir: string): LastComparison | null {
  const dir = path.join(reportsDir, 'perf-compare');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const file = files.at(-1);
  if (!file) return null;
  try {
    const result = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as ComparisonResult;
    return Array.isArray(result.endpoints) && result.baseline && result.candidate ? { file, result } : null;
  } catch {
    return null;
  }
}

/** The comparison's one-line verdict, as the gate judged it. */
export function comparisonVerdict({ result }: LastComparison): Shaped<ComparisonResult['endpoints']> {
  const count = (verdict: string) => result.endpoints.filter((row) => row.verdict === verdict);
  const slower = count('slower');
  const inconclusive = count('inconclusive');
  const who = `${result.candidate.label} (${result.candidate.commit.slice(0, 7)}) against ${result.baseline.label} (${result.baseline.commit.slice(0, 7)})`;
  return {
    data: result.endpoints,
    verdict: slower.length
      ? `Regression: ${slower.map((row) => row.endpoint).join(', ')} slower — ${who}`
      : inconclusive.length
        ? `Inconclusive for ${inconclusive.length} endpoint${inconclusive.length > 1 ? 's' : ''} (too few valid pairs) — ${who}`
        : `No significant regression — ${who}, ${result.pairs} pairs${result.aa ? ' (A/A)' : ''}`,
    tone: slower.length ? 'bad' : inconclusive.length ? 'warn' : 'good',
  };
}
