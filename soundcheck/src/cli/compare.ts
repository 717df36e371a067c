import { parseArgs } from 'node:util';
import { brokenAreas } from '../analytics/clusters.ts';
import { compareRuns, type StatusChange } from '../analytics/compare.ts';
import { listRuns } from '../analytics/runs.ts';
import { print, table } from './table.ts';
import { UsageError, withHistory } from './with-history.ts';

const round = (ms: number) => Math.round(ms * 10) / 10;

const list = (title: string, changes: StatusChange[]) => {
  if (!changes.length) return;
  print(`\n${title} (${changes.length})`);
  print(
    table(
      ['test', 'before', 'after'],
      changes.map((c) => [c.title, c.before, c.after]),
    ),
  );
};

/** `soundcheck compare A B`: what changed from run A to run B (`latest` and `previous` are accepted). */
export async function compareCommand(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 2)
    throw new UsageError(
      'usage: soundcheck compare <run A> <run B>  (ids from soundcheck history, or previous/latest)',
    );
  const { comparison, areas } = await withHistory(async (store) => {
    // A run still going (this machine's or another's) has only part of its results: compare finished runs.
    const [latest, previous] = (await listRuns(store.sql, 50)).filter((run) => run.verdict !== 'running');
    const resolve = (name: string) => {
      const id = name === 'latest' ? latest?.id : name === 'previous' ? previous?.id : name;
      if (!id) throw new UsageError(`the history has no ${name} run yet`);
      return id;
    };
    const [a, b] = [resolve(positionals[0] ?? ''), resolve(positionals[1] ?? '')];
    return { comparison: await compareRuns(store.sql, a, b), areas: await brokenAreas(store.sql, a, b) };
  });
  print(`${comparison.a} → ${comparison.b}`);
  list('broken: failing now, not before', comparison.broken);
  if (areas.length)
    print(`areas that broke: ${areas.map(({ area, tests }) => `${area} (${tests})`).join(', ')}`);
  list('fixed', comparison.fixed);
  list('still failing', comparison.stillFailing);
  list('new tests', comparison.added);
  list('removed tests', comparison.removed);
  if (comparison.slowdowns.length) {
    print(`\nslower (${comparison.slowdowns.length})`);
    print(
      table(
        ['test', 'before ms', 'after ms'],
        comparison.slowdowns.map((d) => [d.title, round(d.beforeMs), round(d.afterMs)]),
      ),
    );
  }
  const { broken, fixed, stillFailing, added, removed } = comparison;
  print(
    `\n${broken.length} broken, ${fixed.length} fixed, ${stillFailing.length} still failing, ${added.length} added, ${removed.length} removed`,
  );
  return broken.length ? 1 : 0;
}
