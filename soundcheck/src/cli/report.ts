import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { historyView } from '../analytics/history-view.ts';
import { readRunResult } from '../report/run-result.ts';
import { writeRunFolder } from '../report/write-run-folder.ts';
import { print } from './table.ts';
import { UsageError, withHistory } from './with-history.ts';

/** A run folder from an argument: a path, a run id under the report dir, or `latest`. */
export function runFolder(reportDir: string, which = 'latest'): string {
  const folder = existsSync(path.join(which, 'results.json')) ? which : path.join(reportDir, which);
  if (!existsSync(path.join(folder, 'results.json')))
    throw new UsageError(`no results.json in ${folder}; give a run folder or a run id under ${reportDir}/`);
  return path.resolve(folder);
}

/** `soundcheck report [run]`: rebuilds a run's reports from its results.json (and records it in the history). */
export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'report-dir': { type: 'string' } },
  });
  const folder = runFolder(values['report-dir'] ?? 'reports', positionals[0]);
  const result = readRunResult(folder);
  print(`▸ rebuilding ${path.relative(process.cwd(), folder)} (run ${result.run.id})`);
  const written = await withHistory(async (store) => {
    await store.saveRun(result.run, result.tally, result.tests, result.metrics);
    return writeRunFolder(folder, result, await historyView(store.sql, result.run.id));
  });
  const { passed, failed, skipped } = result.tally;
  print(`✓ wrote ${written.join(', ')}`);
  print(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed ? 1 : 0;
}
