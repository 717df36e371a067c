import { collectMetrics } from '../../src/metrics/collector.ts';
import type { HistoryView } from '../../src/report/report-model.ts';
import type { RunResult } from '../../src/report/run-result.ts';
import { stableTestId } from '../../src/reporter/stable-id.ts';
import { type TestRecord, tallyOf } from '../../src/reporter/test-record.ts';

export function sampleRecord(overrides: Partial<TestRecord> & { titlePath: string[] }): TestRecord {
  const file = overrides.file ?? 'tests/integration/catalog/releases.test.ts';
  return {
    id: stableTestId(file, overrides.titlePath),
    file,
    project: 'integration',
    tags: ['integration'],
    status: 'passed',
    durationMs: 12,
    retries: 0,
    errors: [],
    attachments: [],
    apiCalls: [],
    ...overrides,
  };
}

/** A run with one of every outcome, as the dashboard and the outputs must show it. */
export function sampleRun(id = '20261125-101500-abcd'): RunResult {
  const tests: TestRecord[] = [
    sampleRecord({
      titlePath: ['releases', 'creates a draft'],
      tags: ['catalog', 'integration'],
      durationMs: 48,
      apiCalls: [{ method: 'POST', route: '/v1/releases', status: 201, durationMs: 9.5 }],
    }),
    sampleRecord({
      titlePath: ['releases', 'rejects a bad UPC'],
      tags: ['catalog', 'identifiers', 'integration'],
      status: 'failed',
      category: 'execution',
      durationMs: 20,
      errors: [
        {
          category: 'execution',
          message: 'expected 201 to be 422 // Object.is equality',
          diff: '- Expected\n+ Received\n\n- 422\n+ 201',
          stack: 'AssertionError: expected 201 to be 422\n    at releases.test.ts:40:7',
          attempt: 0,
        },
      ],
    }),
    sampleRecord({
      titlePath: ['deliveries', 'sends to the partner'],
      file: 'tests/e2e/delivery.test.ts',
      project: 'e2e',
      tags: ['delivery', 'e2e'],
      status: 'flaky',
      category: 'infrastructure',
      retries: 1,
      durationMs: 830,
      errors: [{ category: 'infrastructure', message: 'connect ECONNREFUSED 127.0.0.1:6379', attempt: 0 }],
    }),
    sampleRecord({
      titlePath: ['lookups', 'asks MusicBrainz'],
      tags: ['lookup', 'integration'],
      status: 'skipped',
      note: 'redis unavailable',
      durationMs: 0,
    }),
  ];
  return {
    run: {
      id,
      startedAt: '2026-11-25T10:15:00.000Z',
      finishedAt: '2026-11-25T10:16:00.000Z',
      commit: '0123456789abcdef',
      branch: 'main',
      seed: 42,
      environment: 'local',
      shard: null,
      verdict: 'failed',
    },
    tally: tallyOf(tests),
    tests,
    metrics: collectMetrics(tests, { coveragePct: 81.5 }),
  };
}

export function sampleHistory(): HistoryView {
  const point = (n: number, passRatePct: number) => ({
    id: `run-${n}`,
    startedAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
    commit: 'abc',
    verdict: passRatePct === 100 ? 'passed' : 'failed',
    passed: 10,
    failed: passRatePct === 100 ? 0 : 1,
    skipped: 1,
    flaky: n % 3 === 0 ? 1 : 0,
    passRatePct,
    durationMs: 50_000 + n * 1000,
    coveragePct: 78 + n / 2,
  });
  return {
    trends: [1, 2, 3, 4, 5, 6].map((n) => point(n, n === 4 ? 90 : 100)),
    flaky: [
      {
        testId: 'x',
        title: 'deliveries › sends to the partner',
        file: 'tests/e2e/delivery.test.ts',
        runs: 6,
        flips: 2,
        flipRatePct: 40,
        retriedThenPassed: 2,
        mixedCommits: 1,
        lastStatus: 'flaky',
      },
    ],
    sincePrevious: null,
    slowdowns: [],
    knownClusters: [],
  };
}
