import { parseArgs } from 'node:util';
import { allCategories, type Category } from '../runner/categories.ts';
import { run } from '../runner/run.ts';
import { UserError } from '../user-error.ts';

function categories(value: string | undefined): Category[] {
  if (!value) return [...allCategories];
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(allCategories as readonly string[]).includes(name));
  if (unknown.length)
    throw new UsageError(`unknown category ${unknown.join(', ')}; choose from ${allCategories.join(', ')}`);
  return names as Category[];
}

/** A bad option or argument: a user error. */
export class UsageError extends UserError {
  override name = 'UsageError';
}

/** `soundcheck run` and `soundcheck test`: parses the options, runs, prints the verdict, returns the exit code. */
export async function runCommand(
  args: string[],
  defaults: { categories?: Category[]; coverage?: boolean } = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      category: { type: 'string' },
      tags: { type: 'string', multiple: true },
      target: { type: 'string' },
      shard: { type: 'string' },
      'report-dir': { type: 'string' },
      seed: { type: 'string' },
      strict: { type: 'boolean' },
    },
  });
  if (values.seed !== undefined && !/^\d+$/.test(values.seed))
    throw new UsageError('--seed takes a whole number');
  if (values.shard !== undefined && !/^\d+\/\d+$/.test(values.shard))
    throw new UsageError('--shard takes i/n, e.g. 1/3');
  const target = values.target ?? process.env.SOUNDCHECK_TARGET ?? null;
  if (target && !/^https?:\/\//.test(target)) throw new UsageError('--target takes an http(s) URL');
  const outcome = await run({
    categories: values.category ? categories(values.category) : (defaults.categories ?? [...allCategories]),
    tags: values.tags ?? [],
    target,
    shard: values.shard ?? null,
    reportDir: values['report-dir'] ?? 'reports',
    seed: values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31),
    strict: values.strict === true || process.env.SOUNDCHECK_STRICT === '1',
    coverage: defaults.coverage ?? false,
  });
  const { passed, failed, skipped, flaky } = outcome.tally;
  // A test that passed only on retry is not a plain pass: it is named, and counted apart.
  if (flaky) process.stdout.write(`\n${flaky} flaky (passed only on retry; see the report)`);
  process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  return outcome.ok ? 0 : 1;
}
