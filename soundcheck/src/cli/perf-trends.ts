import { perfChanges } from '../perf/history/perf-trends.ts';
import { print, table } from './table.ts';
import { withHistory } from './with-history.ts';

/** `soundcheck trends --perf [--branch main]`: each change point of the performance history. */
export async function perfTrendsCommand(branch: string, runs: number): Promise<number> {
  const changes = await withHistory((store) => perfChanges(store.sql, branch, runs));
  if (!changes.length) {
    print(
      `no change point in the performance history of ${branch} (E-divisive means, t-test, window 50, p 0.001)`,
    );
    return 0;
  }
  print(
    table(
      ['run', 'commit', 'metric', 'endpoint', 'before', 'after', 'change %', 'p'],
      changes.map((c) => [
        c.startedAt.slice(0, 16).replace('T', ' '),
        c.commit?.slice(0, 12) ?? null,
        c.metric,
        c.label,
        Math.round(c.meanBefore * 10) / 10,
        Math.round(c.meanAfter * 10) / 10,
        Math.round(c.change * 1000) / 10,
        Number(c.pValue.toPrecision(2)),
      ]),
    ),
  );
  print(`\n${changes.length} change point${changes.length === 1 ? '' : 's'} on ${branch}`);
  return 0;
}
