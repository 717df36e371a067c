import type { Sql } from '../history/sql.ts';

/** How long a failure signature has been failing: the earlier runs that had it, and the first of them. */
export interface KnownCluster {
  signature: string;
  runs: number;
  since: string;
}

/** For each failure signature of run `runId`, the earlier runs that failed with the same signature. */
export async function knownClusters(sql: Sql, runId: string): Promise<KnownCluster[]> {
  const rows = await sql.query<{ signature: string; runs: number; since: string }>(
    `SELECT cur.signature, count(DISTINCT prev.run_id)::int AS runs, min(r.started_at) AS since
     FROM (SELECT DISTINCT signature FROM test_results
           WHERE run_id = $1 AND status = 'failed' AND signature IS NOT NULL) cur
     JOIN test_results prev ON prev.signature = cur.signature AND prev.status = 'failed' AND prev.run_id <> $1
     JOIN test_runs r ON r.id = prev.run_id
       AND r.started_at < (SELECT started_at FROM test_runs WHERE id = $1)
     GROUP BY cur.signature`,
    [runId],
  );
  return rows.map((row) => ({
    signature: row.signature,
    runs: Number(row.runs),
    since: new Date(row.since).toISOString(),
  }));
}

/** The API areas of the tests that failed in `b` but not in `a`, most broken first. */
export async function brokenAreas(
  sql: Sql,
  a: string,
  b: string,
): Promise<Array<{ area: string; tests: number }>> {
  const rows = await sql.query<{ area: string; tests: number }>(
    `SELECT area, count(*)::int AS tests
     FROM test_results nb CROSS JOIN LATERAL unnest(nb.areas[1:1]) AS area
     WHERE nb.run_id = $2 AND nb.status = 'failed'
       AND NOT EXISTS (SELECT 1 FROM test_results na WHERE na.run_id = $1 AND na.test_id = nb.test_id AND na.status = 'failed')
     GROUP BY area ORDER BY tests DESC, area`,
    [a, b],
  );
  return rows.map((row) => ({ area: row.area, tests: Number(row.tests) }));
}
