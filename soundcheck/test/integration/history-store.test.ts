import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareRuns } from '../../src/analytics/compare.ts';
import { flakyTests } from '../../src/analytics/flaky.ts';
import { listRuns } from '../../src/analytics/runs.ts';
import { durationShifts, runTrends } from '../../src/analytics/trends.ts';
import { collectMetrics } from '../../src/metrics/collector.ts';
import type { RunInfo } from '../../src/report/run-result.ts';
import { tallyOf } from '../../src/reporter/test-record.ts';
import { storeHistory } from '../support/constructed-history.ts';
import {
  type Backend,
  postgresUnavailable,
  type ThrowawayHistory,
  throwawayHistory,
} from '../support/history-databases.ts';
import { sampleRecord } from '../support/sample-run.ts';

const runInfo = (id: string, shard: string | null = null): RunInfo => ({
  id,
  startedAt: new Date().toISOString(),
  finishedAt: null,
  commit: 'c0ffee',
  branch: 'main',
  seed: 7,
  environment: 'test',
  shard,
  verdict: 'running',
});

describe.each<Backend>(['pglite', 'postgres'])(
  'the history store on %s',
  { tags: ['integration', 'reporting'] },
  (backend) => {
    let history: ThrowawayHistory | null = null;
    let unavailable: string | null = null;
    beforeAll(async () => {
      unavailable = backend === 'postgres' ? await postgresUnavailable() : null;
      if (!unavailable) history = await throwawayHistory(backend);
    });
    afterAll(() => history?.drop());
    const store = () => history!.store;

    test('marks a run whose process died half-way as crashed, keeping the results it had written', async (ctx) => {
      if (unavailable) return ctx.skip(unavailable);
      const run = runInfo(`crash-${backend}`);
      await store().startRun(run);
      await store().addResults(run.id, [
        sampleRecord({ titlePath: ['one'] }),
        sampleRecord({ titlePath: ['two'], status: 'failed' }),
      ]);
      // And one that died before writing any result.
      const early = runInfo(`crash-early-${backend}`);
      await store().startRun(early);
      // The processes that wrote them are gone: pid 2^22+1 is above Linux's pid_max default, so never alive.
      await store().sql.query('UPDATE test_runs SET pid = 4194305 WHERE id = ANY($1::text[])', [
        [run.id, early.id],
      ]);
      expect((await store().markCrashed()).sort()).toEqual([early.id, run.id]);
      const rows = (await listRuns(store().sql, 100)).filter((r) => r.id === run.id || r.id === early.id);
      expect(
        rows
          .map(({ id, verdict, passed, failed, skipped, flaky }) => ({
            id,
            verdict,
            passed,
            failed,
            skipped,
            flaky,
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      ).toEqual([
        { id: early.id, verdict: 'crashed', passed: 0, failed: 0, skipped: 0, flaky: 0 },
        { id: run.id, verdict: 'crashed', passed: 1, failed: 1, skipped: 0, flaky: 0 },
      ]);
      expect(rows.every((row) => row.finishedAt !== null)).toBe(true);
      // A run of this host whose process is alive (ours) stays running.
      const alive = runInfo(`alive-${backend}`);
      await store().startRun(alive);
      expect(await store().markCrashed()).toEqual([]);
      expect(await store().sql.query('SELECT host FROM test_runs WHERE id = $1', [alive.id])).toEqual([
        { host: hostname() },
      ]);
    });

    test('takes concurrent writes of several shards, in batches, without losing a row', async (ctx) => {
      if (unavailable) return ctx.skip(unavailable);
      const shards = await Promise.all([1, 2, 3].map(() => history!.connectAgain()));
      try {
        await Promise.all(
          shards.map(async (shard, i) => {
            const run = runInfo(`shard-${backend}-${i}`, `${i + 1}/3`);
            await shard.startRun(run);
            // 12,000 rows: more than two batches each, written while the other shards write.
            const records = Array.from({ length: 12_000 }, (_, n) =>
              sampleRecord({ titlePath: [`test ${n}`], tags: ['integration', `s${i}`] }),
            );
            await shard.addResults(run.id, records);
            await shard.finishRun(
              { ...run, verdict: 'passed', finishedAt: new Date().toISOString() },
              tallyOf(records),
              collectMetrics(records),
            );
          }),
        );
      } finally {
        if (backend === 'postgres') await Promise.all(shards.map((shard) => shard.close()));
      }
      const counts = await store().sql.query<{ run_id: string; n: number; tagged: number }>(
        `SELECT run_id, count(*)::int AS n, count(*) FILTER (WHERE tags = ARRAY['integration', 's' || right(run_id, 1)])::int AS tagged
       FROM test_results WHERE run_id LIKE $1 GROUP BY run_id ORDER BY run_id`,
        [`shard-${backend}-%`],
      );
      expect(counts).toEqual(
        [0, 1, 2].map((i) => ({ run_id: `shard-${backend}-${i}`, n: 12_000, tagged: 12_000 })),
      );
    });

    test('finds flaky tests by each rule, and only those', async (ctx) => {
      if (unavailable) return ctx.skip(unavailable);
      await store().sql.query('DELETE FROM test_runs');
      await storeHistory(store(), [
        {
          commit: 'a',
          tests: {
            steady: 'passed',
            flipper: 'passed',
            retried: 'passed',
            broken: 'failed',
            sameCommit: 'passed',
            fixed: 'failed',
          },
        },
        {
          commit: 'a',
          tests: {
            steady: 'passed',
            flipper: 'failed',
            retried: 'flaky',
            broken: 'failed',
            sameCommit: 'failed',
            fixed: 'failed',
          },
        },
        {
          commit: 'b',
          tests: {
            steady: 'passed',
            flipper: 'passed',
            retried: 'passed',
            broken: 'failed',
            sameCommit: 'failed',
            fixed: 'passed',
          },
        },
        {
          commit: 'c',
          tests: {
            steady: 'skipped',
            flipper: 'failed',
            retried: 'passed',
            broken: 'failed',
            sameCommit: 'failed',
            fixed: 'passed',
          },
        },
      ]);
      const flaky = await flakyTests(store().sql, 50);
      expect(flaky.map(({ testId: _, file: __, ...rest }) => rest)).toEqual([
        {
          title: 'flipper',
          runs: 4,
          flips: 3,
          flipRatePct: 100,
          retriedThenPassed: 0,
          mixedCommits: 1,
          lastStatus: 'failed',
        },
        {
          title: 'sameCommit',
          runs: 4,
          flips: 1,
          flipRatePct: 33.3,
          retriedThenPassed: 0,
          mixedCommits: 1,
          lastStatus: 'failed',
        },
        {
          title: 'retried',
          runs: 4,
          flips: 0,
          flipRatePct: 0,
          retriedThenPassed: 1,
          mixedCommits: 0,
          lastStatus: 'passed',
        },
      ]);
      // `fixed` changed once, from failing to passing on a new commit: a fix, not flakiness.
      // The last three runs see flipper fail, pass and fail again; the last two, one change only.
      expect((await flakyTests(store().sql, 3)).map((t) => [t.title, t.flips])).toEqual([
        ['flipper', 2],
        ['retried', 0],
      ]);
      expect(await flakyTests(store().sql, 2)).toEqual([]);
    });

    test('draws pass-rate and duration trends, slowdowns, and what changed between two runs', async (ctx) => {
      if (unavailable) return ctx.skip(unavailable);
      await store().sql.query('DELETE FROM test_runs');
      const slow = (durationMs: number) => ({ status: 'passed' as const, durationMs });
      const ids = await storeHistory(store(), [
        { commit: 'a', tests: { x: slow(10), y: slow(100), gone: 'passed' } },
        { commit: 'b', tests: { x: slow(10), y: slow(100), gone: 'passed' } },
        { commit: 'c', tests: { x: slow(50), y: slow(60), fresh: 'failed' } },
        { commit: 'd', tests: { x: slow(50), y: 'failed', fresh: 'failed' } },
      ]);
      const trends = await runTrends(store().sql, 10);
      expect(trends.map((p) => [p.id, p.passRatePct, p.durationMs])).toEqual([
        [ids[0], 100, 120],
        [ids[1], 100, 120],
        [ids[2], 66.7, 120],
        [ids[3], 33.3, 70],
      ]);
      const shifts = await durationShifts(store().sql, 4);
      expect(shifts.slowdowns.map((s) => [s.title, s.beforeMs, s.afterMs])).toEqual([['x', 10, 50]]);
      expect(shifts.improvements.map((s) => [s.title, s.beforeMs, s.afterMs])).toEqual([['y', 100, 60]]);
      // 10 → 50 ms is under the default noise floor of one-run comparisons; with no floor it is listed.
      expect((await compareRuns(store().sql, ids[1]!, ids[3]!)).slowdowns).toEqual([]);
      const comparison = await compareRuns(store().sql, ids[1]!, ids[3]!, 10, { ms: 0, ratio: 1 });
      const titles = (changes: Array<{ title: string }>) => changes.map((c) => c.title);
      expect({
        broken: titles(comparison.broken),
        fixed: titles(comparison.fixed),
        added: titles(comparison.added),
        removed: titles(comparison.removed),
        slowdowns: comparison.slowdowns.map((d) => [d.title, d.beforeMs, d.afterMs]),
      }).toEqual({
        broken: ['fresh', 'y'],
        fixed: [],
        added: ['fresh'],
        removed: ['gone'],
        slowdowns: [['x', 10, 50]],
      });
      await expect(compareRuns(store().sql, ids[0]!, 'nope')).rejects.toThrow('no run nope in the history');
    });
  },
);
