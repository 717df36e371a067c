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
      const [row] = await store.sql.query<{ value: number }>(
        `SELECT m.value FROM test_metrics m JOIN test_runs r ON r.id = m.run_id
         WHERE m.name = 'perf_capacity_rps' AND m.label = $1 ORDER BY r.started_at DESC LIMIT 1`,
        [scenario],
      );
      return row ? Number(row.value) : null;
    } finally {
      await store.close();
    }
  } catch {
    return null;
  }
}
