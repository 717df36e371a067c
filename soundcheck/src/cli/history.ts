import { parseArgs } from 'node:util';
import { listRuns } from '../analytics/runs.ts';
import { print, table } from './table.ts';
import { positiveInt, withHistory } from './with-history.ts';

/** `soundcheck history [--limit n]`: the newest runs, newest first. */
export async function historyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { limit: { type: 'string' } } });
  const limit = positiveInt(values.limit, 20, '--limit');
  const runs = await withHistory((store) => listRuns(store.sql, limit));
  print(
    table(
      [
        'run',
        'started',
        'verdict',
        'passed',
        'failed',
        'flaky',
        'skipped',
        'commit',
        'branch',
        'env',
        'shard',
      ],
      runs.map((r) => [
        r.id,
        r.startedAt.replace('T', ' ').slice(0, 19),
        r.verdict,
        r.passed,
        r.failed,
        r.flaky,
        r.skipped,
        r.commit?.slice(0, 10) ?? null,
        r.branch,
        r.environment,
        r.shard,
      ]),
    ),
  );
  print(`\n${runs.length} run${runs.length === 1 ? '' : 's'} shown (newest first)`);
  return 0;
}
