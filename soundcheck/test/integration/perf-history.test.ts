import { describe, expect, test } from 'vitest';
import { perfChanges } from '../../src/perf/history/perf-trends.ts';
import { normalSample } from '../../src/perf/stats/seeded-normal.ts';
import { postgresUnavailable, throwawayHistory } from '../support/history-databases.ts';

describe('performance figures in the history', { tags: ['integration', 'reporting', 'performance'] }, () => {
  test('are stored per run, and trends --perf finds the planted step with its commit and endpoint', async () => {
    // PostgreSQL when there is one: an embedded PGlite's start and migration alone take seconds on a busy machine.
    const history = await throwawayHistory((await postgresUnavailable()) ? 'pglite' : 'postgres');
    try {
      const noise = normalSample(60, 11);
      const runs = Array.from({ length: 60 }, (_, index) => index);
      // 60 finished runs, one in seven on a feature branch (left out); one store round trip each table.
      await history.store.sql.query(
        `INSERT INTO test_runs (id, started_at, commit, branch, environment, verdict, host, pid)
         SELECT 'run-' || lpad(i::text, 3, '0'), timestamptz '2026-01-01' + i * interval '1 minute', 'commit' || i,
                CASE WHEN i % 7 = 3 THEN 'feature' ELSE 'main' END, 'test', 'passed', 'h', 1
         FROM unnest($1::int[]) AS i`,
        [runs],
      );
      // p95 of one endpoint steps up 20 % at run 40; the other stays put.
      const steady = runs.map((i) => 8 * (1 + 0.02 * noise[59 - i]!));
      const stepped = runs.map((i) => (i >= 40 ? 12 : 10) * (1 + 0.02 * noise[i]!));
      await history.store.sql.query(
        `INSERT INTO test_metrics (run_id, name, label, value)
         SELECT 'run-' || lpad(i::text, 3, '0'), 'perf_p95_ms', l, v
         FROM unnest($1::int[], $2::float8[]) AS a(i, v), (VALUES ('catalog-browse GET /v1/releases')) AS x(l)
         UNION ALL
         SELECT 'run-' || lpad(i::text, 3, '0'), 'perf_p95_ms', 'catalog-browse GET /v1/releases/{id}', v
         FROM unnest($1::int[], $3::float8[]) AS b(i, v)`,
        [runs, stepped, steady],
      );
      const changes = await perfChanges(history.store.sql, 'main');
      expect(changes).toEqual([
        expect.objectContaining({
          metric: 'perf_p95_ms',
          label: 'catalog-browse GET /v1/releases',
          runId: 'run-040',
          commit: 'commit40',
          change: expect.closeTo(0.2, 1),
        }),
      ]);
    } finally {
      await history.drop();
    }
  });
});
