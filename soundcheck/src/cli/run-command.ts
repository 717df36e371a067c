import { parseArgs } from 'node:util';
import { allCategories, type Category } from '../runner/categories.ts';
import { run } from '../runner/run.ts';
import { parseShard } from '../sharding/plan.ts';
import { UsageError } from './usage-error.ts';
import { positiveInt } from './with-history.ts';

export const runUsage = `usage: soundcheck run [options]
  --category <names>   comma-separated: ${allCategories.join(', ')} (default: all)
  --tags <expression>  Vitest tag expression, e.g. "auth && !slow" (repeatable: or)
  --target <url>       black-box run against a deployment
  --shard <i/n>        run the i-th of n shards, balanced by file durations in the history
  --shard-plan <file>  the shard plan every shard shares (soundcheck shards --out <file>)
  --report-dir <dir>   where run folders go (default: reports)
  --seed <n>           replay a run's randomness (with --shuffle, its order too)
  --shuffle            run files and tests in an order drawn from the seed, to catch order dependence
  --max-workers <n>    Vitest workers (default: the cores, at least 2)
  --new-tests <branch> early flake detection: tests <branch>'s history never ran repeat (a PR run)
  --repeats <n>        how often a new test repeats (default 10)
  --quarantine <file>  the quarantine list (default tests/quarantine.json)
  --coverage           measure code coverage against the thresholds in vitest.config.ts (run does on the whole suite; never with --target)
  --summary <file>     append a Markdown summary for CI (e.g. "$GITHUB_STEP_SUMMARY")
  --strict             a missing service fails the run (also SOUNDCHECK_STRICT=1)`;

function categories(value: string | undefined): Category[] {
  if (!value) return [...allCategories];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(allCategories as readonly string[]).includes(name));
  if (unknown.length)
    throw new UsageError(`unknown category ${unknown.join(', ')}; choose from ${allCategories.join(', ')}`);
  return names as Category[];
}

export { UsageError };

/**
 * Coverage is measured when `--coverage` asks, or by default (`run`) on a whole in-process run: its
 * thresholds judge the whole suite, so one category, some tags or one shard would fail them with no test
 * failed (the performance category alone covers 62 % of the API). A `--target` run's API runs elsewhere.
 */
export function measuresCoverage(options: {
  asked: boolean;
  byDefault: boolean;
  target: string | null;
  wholeSuite: boolean;
}): boolean {
  return !options.target && (options.asked || (options.byDefault && options.wholeSuite));
}

/** `soundcheck run` and `soundcheck test`: parses the options, runs, prints the verdict, returns the exit code. */
export async function runCommand(
  args: string[],
  defaults: { categories?: Category[]; coverage?: boolean; tags?: string[] } = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      category: { type: 'string' },
      tags: { type: 'string', multiple: true },
      target: { type: 'string' },
      shard: { type: 'string' },
      'shard-plan': { type: 'string' },
      'report-dir': { type: 'string' },
      seed: { type: 'string' },
      shuffle: { type: 'boolean' },
      'max-workers': { type: 'string' },
      'new-tests': { type: 'string' },
      repeats: { type: 'string' },
      quarantine: { type: 'string' },
      coverage: { type: 'boolean' },
      summary: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${runUsage}\n`);
    return 0;
  }
  if (values.seed !== undefined && !/^\d+$/.test(values.seed))
    throw new UsageError('--seed takes a whole number');
  if (values.shard !== undefined) parseShard(values.shard);
  const target = values.target ?? process.env.SOUNDCHECK_TARGET ?? null;
  if (target && !/^https?:\/\//.test(target)) throw new UsageError('--target takes an http(s) URL');
  // Coverage measures the API running in this process; a --target run's API runs elsewhere.
  if (target && values.coverage)
    throw new UsageError('--coverage measures the in-process API; drop it from a --target run');
  const outcome = await run({
    categories: values.category ? categories(values.category) : (defaults.categories ?? [...allCategories]),
    tags: values.tags ?? defaults.tags ?? [],
    target,
    shard: values.shard ?? null,
    shardPlan: values['shard-plan'] ?? null,
    newTests: values['new-tests']
      ? { base: values['new-tests'], repeats: positiveInt(values.repeats, 10, '--repeats') }
      : null,
    ...(values.quarantine ? { quarantineFile: values.quarantine } : {}),
    reportDir: values['report-dir'] ?? 'reports',
    seed: values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31),
    strict: values.strict === true || process.env.SOUNDCHECK_STRICT === '1',
    shuffle: values.shuffle === true,
    maxWorkers:
      values['max-workers'] === undefined ? null : positiveInt(values['max-workers'], 0, '--max-workers'),
    coverage: measuresCoverage({
      asked: values.coverage === true,
      byDefault: defaults.coverage === true,
      target,
      wholeSuite: !values.category && !values.tags && !values.shard,
    }),
    summaryFile: values.summary ?? null,
  });
  const { passed, failed, skipped, flaky } = outcome.tally;
  // A test that passed only on retry is not a plain pass: it is named, and counted apart.
  if (flaky) process.stdout.write(`\n${flaky} flaky (passed only on retry; see the report)`);
  const quarantined = outcome.quarantinedFailures;
  if (quarantined)
    process.stdout.write(`\n${quarantined} quarantined (failed, not counted; see tests/quarantine.json)`);
  process.stdout.write(`\n${passed} passed, ${failed - quarantined} failed, ${skipped} skipped\n`);
  return outcome.ok ? 0 : 1;
}
