import { describe, expect, test } from 'vitest';
import { perfHistory } from '../../src/analytics/perf-history.ts';
import { registryFor } from '../../src/metrics/registry.ts';
import { snapshotFromHistory } from '../../src/metrics/snapshot.ts';
import { recordBenchRun } from '../../src/perf/history/bench-run.ts';
import { postgresUnavailable, throwawayHistory } from '../support/history-databases.ts';

describe('performance figures for the dashboard and for Prometheus', {
  tags: ['integration', 'reporting', 'performance'],
}, () => {
  test('QA runs and bench runs are read apart, aligned run by run, and the newest p95 is exported beside its baseline', async () => {
    const history = await throwawayHistory((await postgresUnavailable()) ? 'pglite' : 'postgres');
    try {
      const { store } = history;
      // Runs 0–11 of the test environment, a mutation run and a run still going; one in three measured capacity.
      await store.sql.query(
        `INSERT INTO test_runs (id, started_at, commit, branch, environment, verdict, host, pid)
         SELECT 'run-' || lpad(i::text, 2, '0'), timestamptz '2026-01-01' + i * interval '1 hour', 'commit' || i,
                'main', CASE WHEN i = 12 THEN 'mutation' ELSE 'test' END,
                CASE WHEN i = 13 THEN 'running' ELSE 'passed' END, 'h', 1
         FROM generate_series(0, 13) AS i`,
      );
      // p95 of catalog-browse: 20 ms for runs 0–10, 50 ms in run 11; the mutation and running runs say 999.
      await store.sql.query(
        `INSERT INTO test_metrics (run_id, name, label, value)
         SELECT 'run-' || lpad(i::text, 2, '0'), 'perf_p95_ms', 'catalog-browse',
                CASE WHEN i = 11 THEN 50 WHEN i >= 12 THEN 999 ELSE 20 END FROM generate_series(0, 13) AS i
         UNION ALL
         SELECT 'run-' || lpad(i::text, 2, '0'), 'perf_capacity_rps', 'catalog-browse', 40 + i
         FROM generate_series(0, 11, 3) AS i`,
      );
      const bench = (index: number, ratio: number) =>
        recordBenchRun(
          store,
          {
            id: `bench-${index}`,
            startedAt: new Date(Date.UTC(2026, 0, 2, index)).toISOString(),
            finishedAt: new Date(Date.UTC(2026, 0, 2, index, 1)).toISOString(),
            commit: `bench-commit${index}`,
            branch: 'main',
            seed: 0,
            environment: 'local',
            shard: null,
            verdict: 'passed',
          },
          'bench:api',
          [{ subject: 'GET /v1/me', figures: { ratio, rps: ratio * 5000 } }],
        );
      await bench(0, 0.4);
      await bench(1, 0.7);

      const view = await perfHistory(store.sql, 10);
      // The ten newest QA runs with figures (run-02 … run-11), oldest first; not the mutation or running run.
      expect(view.runs.runs.map((run) => run.runId)).toEqual(
        Array.from({ length: 10 }, (_, i) => `run-${String(i + 2).padStart(2, '0')}`),
      );
      const capacity = view.runs.series.find((s) => s.metric === 'perf_capacity_rps');
      expect(capacity?.values).toEqual([null, 43, null, null, 46, null, null, 49, null, null]);
      expect(view.runs.series.find((s) => s.metric === 'perf_p95_ms')?.values.at(-1)).toBe(50);
      expect(view.bench.runs.map((run) => run.commit)).toEqual(['bench-commit0', 'bench-commit1']);
      expect(view.bench.series).toEqual([
        { metric: 'perf_ratio', label: 'bench:api GET /v1/me', values: [0.4, 0.7] },
        { metric: 'perf_rps', label: 'bench:api GET /v1/me', values: [2000, 3500] },
      ]);

      const snapshot = await snapshotFromHistory(store.sql);
      expect(snapshot.perf).toContainEqual({
        metric: 'perf_p95_ms',
        label: 'catalog-browse',
        value: 50,
        baseline: 20, // the ten runs before the newest, mutation and running runs left out
      });
      const exported = (await registryFor(snapshot).metrics()).split('\n');
      expect(exported).toEqual(
        expect.arrayContaining([
          'soundcheck_perf_p95_seconds{route="catalog-browse",environment="test"} 0.05',
          'soundcheck_perf_p95_baseline_seconds{route="catalog-browse",environment="test"} 0.02',
          'soundcheck_perf_capacity_rps{scenario="catalog-browse",environment="test"} 49',
          'soundcheck_bench_ratio{bench="bench:api",route="GET /v1/me",environment="test"} 0.7',
        ]),
      );
    } finally {
      await history.drop();
    }
  });
});
