import path from 'node:path';
import { parseArgs } from 'node:util';
import { historyView } from '../analytics/history-view.ts';
import { collectMetrics } from '../metrics/collector.ts';
import { type RunResult, readRunResult } from '../report/run-result.ts';
import { writeRunFolder } from '../report/write-run-folder.ts';
import { tallyOf } from '../reporter/test-record.ts';
import { createRunFolder, newRunId } from '../runner/run-folder.ts';
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
  return {
    run: {
      ...first,
      id,
      startedAt: shards.map((s) => s.run.startedAt).sort()[0] ?? first.startedAt,
      finishedAt: finished.at(-1) ?? null,
      shard: null,
      verdict: crashed ? 'crashed' : tally.failed ? 'failed' : 'passed',
    },
    tally,
    tests,
    metrics: collectMetrics(tests),
  };
}

/** `soundcheck merge <shard folders…>`: combines shard run folders into one run folder and history record. */
export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'report-dir': { type: 'string' } },
  });
  const reportDir = values['report-dir'] ?? 'reports';
  if (positionals.length < 2)
    throw new UsageError('usage: soundcheck merge <shard run folder or id> <another> …');
  const shards = positionals.map((which) => readRunResult(runFolder(reportDir, which)));
  const commits = new Set(shards.map((s) => s.run.commit));
  if (commits.size > 1)
    throw new UsageError(
      `the shards ran different commits (${[...commits].join(', ')}); merge shards of one run`,
    );
  const merged = mergeResults(newRunId(), shards);
  print(`▸ merging ${shards.map((s) => `${s.run.id} (${s.run.shard ?? 'whole'})`).join(', ')}`);
  const folder = createRunFolder(reportDir, merged.run.id);
  await withHistory(async (store) => {
    await store.saveRun(merged.run, merged.tally, merged.tests, merged.metrics);
    writeRunFolder(folder, merged, await historyView(store.sql, merged.run.id));
  });
  print(`✓ merged run ${merged.run.id} in ${path.relative(process.cwd(), folder)}`);
  const { passed, failed, skipped } = merged.tally;
  print(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed ? 1 : 0;
}
