import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MetricsReport } from '../metrics/collector.ts';
import type { Tally, TestRecord } from '../reporter/test-record.ts';

export type Verdict = 'passed' | 'failed' | 'crashed' | 'running';

/** Where and how a run happened: the `test_runs` row. */
export interface RunInfo {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  commit: string | null;
  branch: string | null;
  seed: number | null;
  environment: string;
  /** `i/n`, or null for a whole run (and for a merged one). */
  shard: string | null;
  verdict: Verdict;
}

/** `results.json`: everything a run found, from which `soundcheck report` can rebuild every other output. */
export interface RunResult {
  run: RunInfo;
  tally: Tally;
  tests: TestRecord[];
  metrics: MetricsReport;
}

export function writeRunResult(folder: string, result: RunResult): void {
  writeFileSync(path.join(folder, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
}

export function readRunResult(folder: string): RunResult {
  const file = path.join(folder, 'results.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
  if (!parsed.run?.id || !Array.isArray(parsed.tests))
    throw new Error(`${file} is not a Soundcheck results.json (no run id or tests)`);
  return parsed;
}
