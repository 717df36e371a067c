import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createVitest } from 'vitest/node';
import { UsageError } from '../cli/usage-error.ts';
import { describeHistoryLocation, openHistory } from '../history/store.ts';
import { expectedDurations, recentFileTimes } from './expected-durations.ts';
import { parseShard, planShards, type Shard, seconds } from './plan.ts';

/** The test files Vitest would run for these projects, relative to the repository root, sorted. */
export async function listTestFiles(projects: readonly string[], root = process.cwd()): Promise<string[]> {
  const vitest = await createVitest('test', {
    run: true,
    watch: false,
    project: [...projects],
    reporters: [],
  });
  try {
    const specs = await vitest.globTestSpecifications();
    return [...new Set(specs.map((spec) => path.relative(root, spec.moduleId).replaceAll('\\', '/')))].sort();
  } finally {
    await vitest.close();
  }
}

/** Expected time per file from the history; an unreadable history is a usage error, an empty one is fine. */
async function historyDurations(): Promise<Map<string, number>> {
  let store: Awaited<ReturnType<typeof openHistory>>;
  try {
    store = await openHistory();
  } catch (error) {
    throw new UsageError(
      `cannot read the history at ${describeHistoryLocation()} to balance shards (${(error as Error).message}); fix SOUNDCHECK_HISTORY_URL / SOUNDCHECK_HISTORY_DIR, or pass --shard-plan`,
    );
  }
  try {
    return expectedDurations(await recentFileTimes(store.sql));
  } finally {
    await store.close();
  }
}

/** A saved plan (`soundcheck shards --out`): every shard's files, so all shards of a CI run agree. */
function readPlan(file: string): Shard[] {
  try {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as { shards?: Shard[] };
    if (!Array.isArray(plan.shards)) throw new Error('no "shards" array');
    return plan.shards;
  } catch (error) {
    throw new UsageError(
      `--shard-plan ${file} cannot be read (${(error as Error).message}); make it with soundcheck shards --out`,
    );
  }
}

/** The files to split and each one's expected time (files without a history have none). */
export async function planInputs(
  projects: readonly string[],
): Promise<{ files: string[]; expected: Map<string, number> }> {
  const [files, expected] = await Promise.all([listTestFiles(projects), historyDurations()]);
  return { files, expected };
}

/** The files of shard `spec` (`i/n`): from a saved plan, else planned here from the history. */
export async function shardFiles(
  spec: string,
  projects: readonly string[],
  planFile: string | null,
): Promise<{ shards: Shard[]; mine: Shard }> {
  const { index, count } = parseShard(spec);
  const shards = planFile
    ? readPlan(planFile)
    : await planInputs(projects).then(({ files, expected }) => planShards(files, expected, count));
  if (shards.length !== count)
    throw new UsageError(
      `the shard plan has ${shards.length} shards, not ${count}; make it with --count ${count}`,
    );
  return { shards, mine: shards[index - 1]! };
}

/** One line per shard: predicted time and how many files had no history. */
export function describePlan(shards: readonly Shard[], mine?: Shard): string[] {
  return shards.map(
    (shard, i) =>
      `  ${shard === mine ? '→' : ' '} shard ${i + 1}/${shards.length}: ${shard.files.length} files, predicted ${seconds(shard.predictedMs)}${shard.unknown ? ` (+${shard.unknown} without history)` : ''}`,
  );
}
