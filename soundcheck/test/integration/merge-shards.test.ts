import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openHistory } from '../../src/history/store.ts';
import { collectMetrics } from '../../src/metrics/collector.ts';
import { type RunInfo, type RunResult, writeRunResult } from '../../src/report/run-result.ts';
import { type TestRecord, tallyOf } from '../../src/reporter/test-record.ts';
import { soundcheckInProcess as soundcheck } from '../support/in-process-cli.ts';
import { sampleRecord } from '../support/sample-run.ts';

function shard(
  reportDir: string,
  run: Pick<RunInfo, 'id' | 'shard' | 'commit' | 'startedAt' | 'finishedAt'>,
  tests: TestRecord[],
): void {
  const tally = tallyOf(tests);
  const result: RunResult = {
    run: {
      branch: 'main',
      seed: 7,
      environment: 'ci',
      verdict: tally.failed ? 'failed' : 'passed',
      ...run,
    },
    tally,
    tests,
    metrics: collectMetrics(tests),
  };
  mkdirSync(path.join(reportDir, run.id));
  writeRunResult(path.join(reportDir, run.id), result);
}

/** `soundcheck merge` as a user runs it (its main, in-process), with its own copy of an empty history. */
function merge(reportDir: string, ...args: string[]) {
  return soundcheck(['merge', '--report-dir', reportDir, ...args], {
    env: { SOUNDCHECK_HISTORY_DIR: path.join(reportDir, 'h') },
  });
}

describe('soundcheck merge', { tags: ['integration', 'reporting'], timeout: 60_000 }, () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'soundcheck-merge-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));
  /** Each test its own report directory and history: `latest` and the runs are its own. */
  const freshReportDir = () => mkdtempSync(path.join(parent, 'reports-'));
  const commit = 'c0ffee';
  const at = { startedAt: '2026-11-25T11:00:00.000Z', finishedAt: '2026-11-25T11:01:00.000Z' };

  test('combines two shard folders into one run folder and one history record', async () => {
    const reportDir = freshReportDir();
    shard(
      reportDir,
      {
        id: 'shard-1',
        shard: '1/2',
        commit,
        startedAt: '2026-11-25T10:00:05.000Z',
        finishedAt: '2026-11-25T10:01:00.000Z',
      },
      [
        sampleRecord({ titlePath: ['a', 'passes'], durationMs: 10 }),
        sampleRecord({
          titlePath: ['a', 'fails'],
          status: 'failed',
          category: 'execution',
          errors: [{ category: 'execution', message: 'expected 1 to be 2', attempt: 0 }],
        }),
      ],
    );
    shard(
      reportDir,
      {
        id: 'shard-2',
        shard: '2/2',
        commit,
        startedAt: '2026-11-25T10:00:00.000Z',
        finishedAt: '2026-11-25T10:02:00.000Z',
      },
      [
        sampleRecord({ file: 'tests/b.test.ts', titlePath: ['b', 'passes'] }),
        sampleRecord({ file: 'tests/b.test.ts', titlePath: ['b', 'is skipped'], status: 'skipped' }),
        sampleRecord({ file: 'tests/b.test.ts', titlePath: ['b', 'flaky'], status: 'flaky', retries: 1 }),
      ],
    );

    const { status, stdout } = await merge(reportDir, 'shard-1', path.join(reportDir, 'shard-2'));
    expect(status).toBe(1); // one test failed
    expect(stdout).toContain('2 passed, 1 failed, 1 skipped');

    const mergedId = readlinkSync(path.join(reportDir, 'latest'));
    const folder = path.join(reportDir, mergedId);
    const merged = JSON.parse(readFileSync(path.join(folder, 'results.json'), 'utf8')) as RunResult;
    expect(merged.run).toEqual({
      id: mergedId,
      startedAt: '2026-11-25T10:00:00.000Z',
      finishedAt: '2026-11-25T10:02:00.000Z',
      commit,
      branch: 'main',
      seed: 7,
      environment: 'ci',
      shard: null,
      verdict: 'failed',
    });
    expect(merged.tally).toEqual({ passed: 2, failed: 1, skipped: 1, flaky: 1 });
    expect(merged.tests.map((t) => t.titlePath.join(' › ')).sort()).toEqual([
      'a › fails',
      'a › passes',
      'b › flaky',
      'b › is skipped',
      'b › passes',
    ]);
    expect(JSON.parse(readFileSync(path.join(folder, 'summary.json'), 'utf8'))).toEqual({
      runId: mergedId,
      seed: 7,
      verdict: 'failed',
      passed: 2,
      failed: 1,
      skipped: 1,
      flaky: 1,
    });
    expect(readFileSync(path.join(folder, 'junit.xml'), 'utf8')).toContain('tests="5" failures="1"');

    const store = await openHistory({ dir: path.join(reportDir, 'h') });
    try {
      const runs = await store.sql.query(
        'SELECT id, commit, shard, verdict, passed, failed, skipped, flaky FROM test_runs',
      );
      expect(runs).toEqual([
        { id: mergedId, commit, shard: null, verdict: 'failed', passed: 2, failed: 1, skipped: 1, flaky: 1 },
      ]);
      const results = await store.sql.query('SELECT count(*)::int AS n FROM test_results WHERE run_id = $1', [
        mergedId,
      ]);
      expect(results).toEqual([{ n: 5 }]);
    } finally {
      await store.close();
    }
  });

  test('refuses shards of different commits, saying which', async () => {
    const reportDir = freshReportDir();
    shard(reportDir, { id: 'old-1', shard: '1/2', commit: 'aaaa111', ...at }, [
      sampleRecord({ titlePath: ['x'] }),
    ]);
    shard(reportDir, { id: 'new-2', shard: '2/2', commit: 'bbbb222', ...at }, [
      sampleRecord({ titlePath: ['y'] }),
    ]);
    const { status, stderr } = await merge(reportDir, 'old-1', 'new-2');
    expect([status, stderr]).toEqual([
      2,
      'soundcheck merge: the shards ran different commits (old-1: aaaa111, new-2: bbbb222); merge the shards of one run\n',
    ]);
  });

  test('refuses one shard named twice, or shards holding the same tests, rather than counting them twice', async () => {
    const reportDir = freshReportDir();
    const tests = [sampleRecord({ titlePath: ['a', 'one'] }), sampleRecord({ titlePath: ['a', 'two'] })];
    shard(reportDir, { id: 'first', shard: '1/2', commit, ...at }, tests);
    shard(reportDir, { id: 'copy', shard: '2/2', commit, ...at }, tests);
    expect(await merge(reportDir, 'first', 'first')).toMatchObject({
      status: 2,
      stderr: 'soundcheck merge: first is named twice; name each shard once\n',
    });
    expect(await merge(reportDir, 'first', 'copy')).toMatchObject({
      status: 2,
      stderr:
        'soundcheck merge: first and copy both hold a › one (and 1 more); each test must come from one shard\n',
    });
  });

  test('fails the merged run when a shard failed without a failed test (a file that would not load)', async () => {
    const reportDir = freshReportDir();
    shard(reportDir, { id: 'ok', shard: '1/2', commit, ...at }, [sampleRecord({ titlePath: ['p'] })]);
    shard(reportDir, { id: 'broken', shard: '2/2', commit, ...at }, []);
    const broken = path.join(reportDir, 'broken', 'results.json');
    const result = JSON.parse(readFileSync(broken, 'utf8')) as RunResult;
    writeRunResult(path.join(reportDir, 'broken'), { ...result, run: { ...result.run, verdict: 'failed' } });
    expect(await merge(reportDir, 'ok', 'broken')).toMatchObject({ status: 1 });
    const merged = JSON.parse(
      readFileSync(path.join(reportDir, 'latest', 'results.json'), 'utf8'),
    ) as RunResult;
    expect([merged.tally, merged.run.verdict]).toEqual([
      { passed: 1, failed: 0, skipped: 0, flaky: 0 },
      'failed',
    ]);
  });

  test("prints each shard's wall time and the measured imbalance (slowest ÷ mean)", async () => {
    const reportDir = freshReportDir();
    const start = '2026-11-25T11:00:00.000Z';
    shard(
      reportDir,
      { id: 'fast', shard: '1/2', commit, startedAt: start, finishedAt: '2026-11-25T11:00:30.000Z' },
      [sampleRecord({ titlePath: ['f'] })],
    );
    shard(
      reportDir,
      { id: 'slow', shard: '2/2', commit, startedAt: start, finishedAt: '2026-11-25T11:01:30.000Z' },
      [sampleRecord({ titlePath: ['s'] })],
    );
    const { status, stdout } = await merge(reportDir, 'fast', 'slow');
    expect(status).toBe(0);
    expect(stdout).toContain('shards: 1/2 30.0 s, 2/2 90.0 s; imbalance (slowest ÷ mean) 1.50');
  });
});
