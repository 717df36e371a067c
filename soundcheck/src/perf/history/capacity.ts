import type { Sql } from '../../history/sql.ts';
import { openHistory } from '../../history/store.ts';

/**
 * The capacity (iterations/s at the knee) the stress suite last measured for `scenario`, from the history;
 * null when it never ran or the history cannot be opened (the load suite then uses its fixed default).
 */
export async function lastCapacity(scenario: string, env = process.env): Promise<number | null> {
  // Under `soundcheck run` the runner read it already (SOUNDCHECK_PERF_CAPACITY: scenario → rate).
  if (env.SOUNDCHECK_PERF_CAPACITY) {
    const known = (JSON.parse(env.SOUNDCHECK_PERF_CAPACITY) as Record<string, number>)[scenario];
    return known ?? null;
  }
  try {
    const store = await openHistory();
    try {
      return (await latestCapacities(store.sql))[scenario] ?? null;
    } finally {
      await store.close();
    }
  } catch {
    return null;
  }
}

/** The newest capacity per scenario (`perf_capacity_rps` by label) over the finished runs. */
export async function latestCapacities(sql: Sql): Promise<Record<string, number>> {
  const rows = await sql.query<{ label: string; value: number }>(
    `SELECT DISTINCT ON (m.label) m.label, m.value FROM test_metrics m JOIN test_runs r ON r.id = m.run_id
     WHERE m.name = 'perf_capacity_rps' ORDER BY m.label, r.started_at DESC`,
  );
  return Object.fromEntries(rows.map((row) => [row.label, Number(row.value)]));
}
