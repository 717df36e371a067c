import type { HistoryStore } from '../../src/history/store.ts';
import { collectMetrics } from '../../src/metrics/collector.ts';
import type { RunInfo } from '../../src/report/run-result.ts';
import { type TestRecord, type TestStatus, tallyOf } from '../../src/reporter/test-record.ts';
import { sampleRecord } from './sample-run.ts';

/** One run of a constructed history: its commit and each test's status (and duration). */
export interface RunSpec {
  commit: string;
  tests: Record<string, TestStatus | { status: TestStatus; durationMs: number }>;
}

/** Stores `runs` in order, one minute apart, as finished runs; returns their ids. */
export async function storeHistory(store: HistoryStore, runs: RunSpec[], prefix = 'run'): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, spec] of runs.entries()) {
    const tests: TestRecord[] = Object.entries(spec.tests).map(([title, outcome]) => {
      const { status, durationMs } =
        typeof outcome === 'string' ? { status: outcome, durationMs: 10 } : outcome;
      return sampleRecord({
        titlePath: [title],
        status,
        durationMs,
        retries: status === 'flaky' ? 1 : 0,
        ...(status === 'failed' ? { category: 'execution' as const } : {}),
      });
    });
    const tally = tallyOf(tests);
    const run: RunInfo = {
      id: `${prefix}-${String(index).padStart(3, '0')}`,
      startedAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
      finishedAt: new Date(Date.UTC(2026, 0, 1, 0, index, 30)).toISOString(),
      commit: spec.commit,
      branch: 'main',
      seed: index,
      environment: 'test',
      shard: null,
      verdict: tally.failed ? 'failed' : 'passed',
    };
    await store.saveRun(run, tally, tests, collectMetrics(tests));
    ids.push(run.id);
  }
  return ids;
}
