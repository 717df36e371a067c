import { parseArgs } from 'node:util';
import { flakyTests } from '../analytics/flaky.ts';
import { proposeEntries } from '../quarantine/propose.ts';
import { print, table } from './table.ts';
import { positiveInt, withHistory } from './with-history.ts';

/** `soundcheck flaky [--window n] [--quarantine [--min-flip-rate %]]`: tests that flip, fail and pass on one commit, or pass only on retry. */
export async function flakyCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      window: { type: 'string' },
      quarantine: { type: 'boolean' },
      'min-flip-rate': { type: 'string' },
    },
  });
  const window = positiveInt(values.window, 50, '--window');
  const tests = await withHistory((store) => flakyTests(store.sql, window, 100));
  if (values.quarantine) {
    const minFlipRatePct = positiveInt(values['min-flip-rate'], 20, '--min-flip-rate');
    const today = new Date().toISOString().slice(0, 10);
    const entries = proposeEntries(tests, { minFlipRatePct, today, days: 14 });
    print(
      `proposed quarantine entries (flip rate ≥ ${minFlipRatePct}%, 14 days); add them to tests/quarantine.json:`,
    );
    print(JSON.stringify({ entries }, null, 2));
    return 0;
  }
  if (tests.length)
    print(
      table(
        ['test', 'file', 'runs', 'flips', 'flip rate %', 'retried', 'same-commit', 'last'],
        tests.map((t) => [
          t.title,
          t.file,
          t.runs,
          t.flips,
          t.flipRatePct,
          t.retriedThenPassed,
          t.mixedCommits,
          t.lastStatus,
        ]),
      ),
    );
  print(`\n${tests.length} flaky test${tests.length === 1 ? '' : 's'} over the last ${window} runs`);
  return 0;
}
