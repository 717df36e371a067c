import path from 'node:path';
import { parseArgs } from 'node:util';
import { historyView } from '../analytics/history-view.ts';
import { collectMetrics } from '../metrics/collector.ts';
import { writeJobSummary } from '../report/job-summary.ts';
import { type RunResult, readRunResult } from '../report/run-result.ts';
import { writeRunFolder } from '../report/write-run-folder.ts';
import { tallyOf } from '../reporter/test-record.ts';
import { createRunFolder, newRunId } from '../runner/run-folder.ts';
import { imbalance, seconds } from '../sharding/plan.ts';
import { runFolder } from './report.ts';
import { print } from './table.ts';
import { UsageError, withHistory } from './with-history.ts';

/** Shard results as one run: every test once, the earliest start, the latest finish, one verdict. */
export function mergeResults(id: string, shards: RunResult[]): RunResult {
  const tests = shards.flatMap((shard) => shard.tests);
  const tally = tallyOf(tests);
  const first = shards[0]!.run;
  const finished = shards.map((s) => s.run.finishedAt ?? s.run.startedAt).sort();
  const crashed = shards.some((s) => s.run.verdict === 'crashed' || s.run.verdict === 'running');
  // A shard can fail with no failed test (an unhandled error, a file that would not load).
  const failed = tally.failed > 0 || shards.some((s) => s.run.verdict === 'failed');
  return {
    run: {
      ...first,
      id,
      startedAt: shards.map((s) => s.run.startedAt).sort()[0] ?? first.startedAt,
      finishedAt: finished.at(-1) ?? null,
      shard: null,
      verdict: crashed ? 'crashed' : failed ? 'failed' : 'passed',
    },
    tally,
    tests,
    metrics: collectMetrics(tests),
  };
}

/** Each shard's wall time and the measured imbalance (slowest shard ÷ mean). */
export function shardBalance(shards: readonly RunResult[]): string {
  const wall = shards.map(
    (s) => Date.parse(s.run.finishedAt ?? s.run.startedAt) - Date.parse(s.run.startedAt),
  );
  const times = shards.map((s, i) => `${s.run.shard ?? s.run.id} ${seconds(wall[i]!)}`).join(', ');
  return `  shards: ${times}; imbalance (slowest ÷ mean) ${imbalance(wall).toFixed(2)}`;
}

/** Refuses what would make a wrong run: one shard twice, shards of different commits, overlapping tests. */
export function checkShards(shards: readonly RunResult[]): void {
  const ids = shards.map((s) => s.run.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new UsageError(`${twice} is named twice; name each shard once`);
  if (new Set(shards.map((s) => s.run.commit)).size > 1)
    throw new UsageError(
      `the shards ran different commits (${shards.map((s) => `${s.run.id}: ${s.run.commit ?? 'unknown'}`).join(', ')}); merge the shards of one run`,
    );
  const owner = new Map<string, string>();
  for (const { run, tests } of shards) {
    const shared = tests.filter((t) => owner.has(t.id));
    const first = shared[0];
    if (first)
      throw new UsageError(
        `${owner.get(first.id)} and ${run.id} both hold ${first.titlePath.join(' › ')}${shared.length > 1 ? ` (and ${shared.length - 1} more)` : ''}; each test must come from one shard`,
      );
    for (const t of tests) owner.set(t.id, run.id);
  }
}

/** `soundcheck merge <shard folders…>`: combines shard run folders into one run folder and history record. */
export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'report-dir': { type: 'string' }, summary: { type: 'string' } },
  });
  const reportDir = values['report-dir'] ?? 'reports';
  if (positionals.length < 2)
    throw new UsageError('usage: soundcheck merge <shard run folder or id> <another> …');
  const shards = positionals.map((which) => readRunResult(runFolder(reportDir, which)));
  checkShards(shards);
  const merged = mergeResults(newRunId(), shards);
  print(`▸ merging ${shards.map((s) => `${s.run.id} (${s.run.shard ?? 'whole'})`).join(', ')}`);
  const folder = createRunFolder(reportDir, merged.run.id);
  await withHistory(async (store) => {
    await store.saveRun(merged.run, merged.tally, merged.tests, merged.metrics);
    writeRunFolder(folder, merged, await historyView(store.sql, merged.run.id));
  });
  print(`✓ merged run ${merged.run.id} in ${path.relative(process.cwd(), folder)}`);
  print(shardBalance(shards));
  if (values.summary) writeJobSummary(values.summary, merged);
  const { passed, failed, skipped } = merged.tally;
  print(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  return merged.run.verdict === 'passed' ? 0 : 1;
}
