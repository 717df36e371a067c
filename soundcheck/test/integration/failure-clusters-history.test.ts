import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { brokenAreas, knownClusters } from '../../src/analytics/clusters.ts';
import { collectMetrics } from '../../src/metrics/collector.ts';
import type { RunInfo } from '../../src/report/run-result.ts';
import { type TestRecord, tallyOf } from '../../src/reporter/test-record.ts';
import { failureSignature } from '../../src/triage/signature.ts';
import {
  type Backend,
  postgresUnavailable,
  type ThrowawayHistory,
  throwawayHistory,
} from '../support/history-databases.ts';
import { sampleRecord } from '../support/sample-run.ts';

const failing = (title: string, message: string, route: string): TestRecord =>
  sampleRecord({
    titlePath: [title],
    status: 'failed',
    category: 'execution',
    errors: [{ category: 'execution', message, attempt: 0 }],
    apiCalls: [{ method: 'GET', route, status: 401, durationMs: 1 }],
  });

const login = (n: number) =>
  failing(`login ${n}`, `login as u${n}@x.test: expected 200, got 401`, '/v1/auth/login');
const approve = failing('approve', 'expected 409, got 200', '/v1/releases/:id/approve');

describe.each<Backend>(['pglite', 'postgres'])(
  'failure clusters in the history on %s',
  { tags: ['integration', 'reporting'] },
  (backend) => {
    let history: ThrowawayHistory | null = null;
    let unavailable: string | null = null;

    async function save(id: string, minute: number, tests: TestRecord[]): Promise<void> {
      const tally = tallyOf(tests);
      const run: RunInfo = {
        id,
        startedAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
        finishedAt: new Date(Date.UTC(2026, 0, 1, 0, minute, 30)).toISOString(),
        commit: 'c',
        branch: 'main',
        seed: 1,
        environment: 'test',
        shard: null,
        verdict: tally.failed ? 'failed' : 'passed',
      };
      await history!.store.saveRun(run, tally, tests, collectMetrics(tests));
    }

    beforeAll(async () => {
      unavailable = backend === 'postgres' ? await postgresUnavailable() : null;
      if (unavailable) return;
      history = await throwawayHistory(backend);
      // The tests below only read: they share this history and run in any order.
      await save('r1', 1, [login(1), login(2)]);
      await save('r2', 2, [sampleRecord({ titlePath: ['login 1'] })]);
      await save('r3', 3, [login(3)]);
      await save('r4', 4, [login(4), login(5), approve]);
      await save('r5', 5, [login(6)]);
    });
    afterAll(() => history?.drop());

    test('a signature seen in earlier runs is known (how many, since when); a new one is not; later runs do not count', async (ctx) => {
      if (unavailable) return ctx.skip(unavailable);
      expect(await knownClusters(history!.store.sql, 'r4')).toEqual([
        { signature: failureSignature(login(4).errors[0]!), runs: 2, since: '2026-01-01T00:01:00.000Z' },
      ]);
      expect(await knownClusters(history!.store.sql, 'r1')).toEqual([]);
    });

    test('compare names the areas where tests broke, by the area each stopped in', async (ctx) => {
      if (unavailable) return ctx.skip(unavailable);
      // r3 → r4: login 4 and 5 and approve are new failures (login 3 is not in r4).
      expect(await brokenAreas(history!.store.sql, 'r3', 'r4')).toEqual([
        { area: 'auth', tests: 2 },
        { area: 'releases', tests: 1 },
      ]);
    });
  },
);
