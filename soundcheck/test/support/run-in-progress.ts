// A run that stays in progress until told: it records itself in the history (SOUNDCHECK_HISTORY_DIR)
// exactly as `soundcheck run` does — HistorySession — writes two results, says "recording", and
// finishes when its stdin closes, then says "finished". Argument: the run id.
import { once } from 'node:events';
import { collectMetrics } from '../../src/metrics/collector.ts';
import type { RunInfo } from '../../src/report/run-result.ts';
import { tallyOf } from '../../src/reporter/test-record.ts';
import { HistorySession } from '../../src/runner/history-session.ts';
import { sampleRecord } from './sample-run.ts';

const id = process.argv[2] ?? 'run-in-progress';
const run: RunInfo = {
  id,
  startedAt: new Date().toISOString(),
  finishedAt: null,
  commit: 'in-progress',
  branch: 'main',
  seed: 1,
  environment: 'test',
  shard: null,
  verdict: 'running',
};
const log = (line: string) => process.stderr.write(`${line}\n`);
const session = await HistorySession.begin(run, log);
const records = [
  sampleRecord({ titlePath: ['while running', 'first'] }),
  sampleRecord({ titlePath: ['while running', 'second'] }),
];
await session.sink(records);
process.stdout.write('recording\n');
process.stdin.resume();
await once(process.stdin, 'end');
const tally = tallyOf(records);
await session.finish(
  { ...run, finishedAt: new Date().toISOString(), verdict: 'passed' },
  tally,
  collectMetrics(records),
);
process.stdout.write('finished\n');
