import { parseArgs } from 'node:util';
import { durationShifts, runTrends } from '../analytics/trends.ts';
import { perfTrendsCommand } from './perf-trends.ts';
import { print, table } from './table.ts';
import { positiveInt, withHistory } from './with-history.ts';

const bars = '▁▂▃▄▅▆▇█';
function spark(values: number[]): string {
  const max = Math.max(...values, 1);
  return values
    .map((v) => bars[Math.min(bars.length - 1, Math.floor((v / max) * (bars.length - 1)))])
    .join('');
}

/**
 * `soundcheck trends [--runs n]`: pass rate, test time and coverage per run, and the biggest slowdowns;
 * `--perf [--branch main]`: the change points of the performance metrics instead.
 */
export async function trendsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { runs: { type: 'string' }, perf: { type: 'boolean' }, branch: { type: 'string' } },
  });
  if (values.perf) return perfTrendsCommand(values.branch ?? 'main', positiveInt(values.runs, 500, '--runs'));
  const runs = positiveInt(values.runs, 20, '--runs');
  const { points, shifts } = await withHistory(async (store) => ({
    points: await runTrends(store.sql, runs),
    shifts: await durationShifts(store.sql, runs, 5),
  }));
  print(
    table(
      ['run', 'started', 'verdict', 'pass rate %', 'failed', 'flaky', 'test time s', 'coverage %'],
      points.map((p) => [
        p.id,
        p.startedAt.slice(0, 16).replace('T', ' '),
        p.verdict,
        p.passRatePct,
        p.failed,
        p.flaky,
        Math.round(p.durationMs / 100) / 10,
        p.coveragePct,
      ]),
    ),
  );
  if (points.length > 1) {
    print(`\npass rate  ${spark(points.map((p) => p.passRatePct))}`);
    print(`test time  ${spark(points.map((p) => p.durationMs))}`);
  }
  if (shifts.slowdowns.length) {
    print('\nbiggest slowdowns (median, older half → newer half of the window)');
    print(
      table(
        ['test', 'before ms', 'after ms', 'change %'],
        shifts.slowdowns.map((s) => [s.title, s.beforeMs, s.afterMs, s.changePct]),
      ),
    );
  }
  const first = points[0];
  const last = points.at(-1);
  print(
    first && last
      ? `\npass rate ${first.passRatePct}% → ${last.passRatePct}% over ${points.length} run${points.length === 1 ? '' : 's'}`
      : '\nno finished runs in the history yet (npm run qa records one)',
  );
  return 0;
}
