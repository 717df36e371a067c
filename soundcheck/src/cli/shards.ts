import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { allCategories, type Category } from '../runner/categories.ts';
import { imbalance, planByCount, planShards, type Shard, seconds } from '../sharding/plan.ts';
import { describePlan, planInputs } from '../sharding/shard-files.ts';
import { print } from './table.ts';
import { UsageError } from './usage-error.ts';
import { positiveInt } from './with-history.ts';

export const shardsUsage = `usage: soundcheck shards --count <n> [--category <names>] [--by duration|count] [--out <plan.json>]
  Splits the test files over n shards by their durations in the history (longest first into the
  emptiest shard; files with no history round-robin) and prints each shard's predicted time beside
  the split by file count. --out saves the plan for \`soundcheck run --shard i/n --shard-plan <file>\`;
  --by count saves the split by file count instead (Vitest's own --shard), to measure one against the other.
  example: npx soundcheck shards --count 4 --out shard-plan.json`;

/** `soundcheck shards`: the duration-balanced plan, its predicted times, and the count-based split beside it. */
export async function shardsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      count: { type: 'string' },
      category: { type: 'string' },
      out: { type: 'string' },
      by: { type: 'string', default: 'duration' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    print(shardsUsage);
    return 0;
  }
  if (values.count === undefined) throw new UsageError('--count <n> is required, e.g. --count 4');
  const count = positiveInt(values.count, 4, '--count');
  const categories = (values.category?.split(',') ?? [...allCategories]) as Category[];
  if (values.by !== 'duration' && values.by !== 'count')
    throw new UsageError(`--by ${values.by} is not a split; choose duration or count`);
  const unknown = categories.filter((c) => !(allCategories as readonly string[]).includes(c));
  if (unknown.length)
    throw new UsageError(`unknown category ${unknown.join(', ')}; choose from ${allCategories.join(', ')}`);
  const { files, expected } = await planInputs(categories);
  const shards = planShards(files, expected, count);
  const byCount = planByCount(files, expected, count);
  const spread = (plan: Shard[]) =>
    `slowest ${seconds(Math.max(...plan.map((s) => s.predictedMs)))}, imbalance (slowest ÷ mean) ${imbalance(plan.map((s) => s.predictedMs)).toFixed(2)}`;
  print(`▸ ${files.length} files over ${count} shards, ${expected.size} with a history; by duration:`);
  for (const line of describePlan(shards)) print(line);
  print(`  by duration: ${spread(shards)}`);
  print(`  by count:    ${spread(byCount)}`);
  if (values.out) {
    const saved = values.by === 'count' ? byCount : shards;
    writeFileSync(values.out, `${JSON.stringify({ count, categories, shards: saved }, null, 2)}\n`);
    print(`✓ plan (by ${values.by}) saved to ${values.out}`);
  }
  return 0;
}
