import { describe, expect, test } from 'vitest';
import { runTrends } from '../../src/analytics/trends.ts';
import { recordBenchRun } from '../../src/perf/history/bench-run.ts';
import { perfChanges } from '../../src/perf/history/perf-trends.ts';
import { normalSample } from '../../src/perf/stats/seeded-normal.ts';
import type { RunInfo } from '../../src/report/run-result.ts';
import { postgresUnavailable, throwawayHistory } from '../support/history-databases.ts';

const run = (index: number, environment = 'local'): RunInfo => ({
  id: `bench-api-${index}`,
  startedAt: new Date(Date.UTC(2026, 0, 1, 10, index)).toISOString(),
  finishedAt: new Date(Date.UTC(2026, 0, 1, 10, index, 30)).toISOString(),
  commit: `commit${index}`,
  branch: 'main',
  seed: 0,
  environment,
  shard: null,
  verdict: 'passed',
});

describe('bench figures in the history', { tags: ['integration', 'reporting', 'performance'] }, () => {
  test('land as perf_* metrics of a bench run, trends --perf follows them across commits, the test trends do not list the run', async () => {
    const history = await throwawayHistory((await postgresUnavailable()) ? 'pglite' : 'postgres');
    try {
      const { store } = history;
      const written = await recordBenchRun(store, run(0), 'bench:api', [
        { subject: 'GET /v1/me', figures: { rps: 812.46, cpu_us: 334.1234, cpu_ratio: 2.12 } },
        // A ratio over a reference that measured nothing is not a figure.
        { subject: 'reference: Fastify + pg, same row', figures: { rps: 0, ratio: Number.NaN } },
      ]);
      const stored = await store.sql.query<{ name: string; label: string; value: number }>(
        "SELECT name, label, value FROM test_metrics WHERE run_id = $1 AND name LIKE 'perf\\_%' ORDER BY name, label",
        ['bench-api-0'],
      );
      const expected = [
        { name: 'perf_cpu_ratio', label: 'bench:api GET /v1/me', value: 2.12 },
        { name: 'perf_cpu_us', label: 'bench:api GET /v1/me', value: 334.123 },
        { name: 'perf_rps', label: 'bench:api GET /v1/me', value: 812.46 },
        { name: 'perf_rps', label: 'bench:api reference: Fastify + pg, same row', value: 0 },
      ];
      expect(stored.map((row) => ({ ...row, value: Number(row.value) }))).toEqual(expected);
      expect(written).toEqual(expect.arrayContaining(expected));
      const [saved] = await store.sql.query<{ environment: string; commit: string; passed: number }>(
        'SELECT environment, commit, passed FROM test_runs WHERE id = $1',
        ['bench-api-0'],
      );
      expect(saved).toEqual({ environment: 'bench', commit: 'commit0', passed: 0 });

      // Forty more commits; the server CPU of GET /v1/me steps up 25 % at the 21st.
      const noise = normalSample(40, 17);
      for (let index = 1; index <= 40; index++)
        await recordBenchRun(store, run(index), 'bench:api', [
          {
            subject: 'GET /v1/me',
            figures: { cpu_us: (index > 20 ? 420 : 336) * (1 + 0.02 * noise[index - 1]!) },
          },
        ]);
      const changes = await perfChanges(store.sql, 'main');
      expect(changes).toEqual([
        expect.objectContaining({
          metric: 'perf_cpu_us',
          label: 'bench:api GET /v1/me',
          runId: 'bench-api-21',
          commit: 'commit21',
          change: expect.closeTo(0.25, 1),
        }),
      ]);
      // A bench run holds no tests: the pass-rate and duration trends leave it out.
      expect(await runTrends(store.sql, 100)).toEqual([]);
    } finally {
      await history.drop();
    }
  });
});
