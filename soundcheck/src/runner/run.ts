import path from 'node:path';
import { startVitest } from 'vitest/node';
import { examineMachine, printFindings } from '../doctor/doctor.ts';
import { collectMetrics } from '../metrics/collector.ts';
import type { Verdict } from '../report/run-result.ts';
import { readCoverage } from '../report/write-run-folder.ts';
import { ResultsReporter } from '../reporter/results-reporter.ts';
import { type Tally, tallyOf } from '../reporter/test-record.ts';
import { UserError } from '../user-error.ts';
import type { Category } from './categories.ts';
import { HistorySession } from './history-session.ts';
import { phase } from './phases.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { publishRun } from './publish-run.ts';
import { createRunFolder, newRunId } from './run-folder.ts';
import { runInfo } from './run-info.ts';

export interface RunOptions {
  categories: Category[];
  /** Vitest tag expressions (`auth && !slow`); several are or-ed. */
  tags: string[];
  /** Black-box mode: the base URL of a deployment. */
  target: string | null;
  /** `i/n`: this machine runs the i-th of n shards. */
  shard: string | null;
  reportDir: string;
  seed: number;
  strict: boolean;
  /** Measure code coverage into `<run>/coverage/` (the full QA run does; `npm test` stays fast). */
  coverage?: boolean;
}

export interface RunOutcome {
  runId: string;
  folder: string;
  tally: Tally;
  ok: boolean;
}

/** The doctor's checks as the run's first phase (the history is opened next, by the run itself). */
async function preflight(strict: boolean): Promise<void> {
  const findings = await examineMachine({ history: false });
  printFindings(findings);
  const blocking = findings.filter((finding) => finding.level === 'fail');
  if (blocking.length)
    throw new UserError(
      `${blocking.map((f) => f.name).join(', ')}: fix what the doctor names above${strict ? ' (SOUNDCHECK_STRICT=1 needs every service)' : ''}`,
    );
  if (
    findings.some(
      (finding) => ['postgres', 'redis'].includes(finding.name) && finding.detail.startsWith('not reachable'),
    )
  )
    process.stdout.write('  → running with the embedded stand-ins; tests that need the real service skip\n');
}

/** One QA run: pre-test checks, the selected categories in Vitest, the run folder, the verdict. */
export async function run(options: RunOptions): Promise<RunOutcome> {
  const runId = newRunId();
  const folder = createRunFolder(options.reportDir, runId);
  process.stdout.write(
    `soundcheck run ${runId} — seed ${options.seed} (replay with --seed ${options.seed})\n`,
  );
  Object.assign(process.env, {
    SOUNDCHECK_SEED: String(options.seed),
    SOUNDCHECK_RUN_ID: runId,
    SOUNDCHECK_RUN_DIR: folder,
    SOUNDCHECK_QUIET: '1',
    ...(options.strict ? { SOUNDCHECK_STRICT: '1' } : {}),
    ...(options.target ? { SOUNDCHECK_TARGET: options.target } : {}),
  });

  await phase('doctor: this machine and its services', () =>
    options.target ? Promise.resolve() : preflight(options.strict),
  );

  const info = runInfo({ id: runId, seed: options.seed, shard: options.shard, target: options.target });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const history = await phase('history: open the store', () => HistorySession.begin(info, log));

  const progress = new ProgressReporter();
  const results = new ResultsReporter({ sink: history.sink });
  const vitest = await phase(`execution: ${options.categories.join(', ')}`, async () => {
    const instance = await startVitest(
      'test',
      [],
      {
        run: true,
        watch: false,
        project: options.categories,
        ...(options.tags.length ? { tagsFilter: options.tags } : {}),
        ...(options.shard ? { shard: options.shard } : {}),
        reporters: [progress, results],
        ...(options.coverage
          ? {
              coverage: {
                enabled: true,
                provider: 'v8' as const,
                reportsDirectory: path.join(folder, 'coverage'),
                reporter: ['html', 'json-summary'],
                // A run with failures is the one whose coverage matters most; Vitest skips it by default.
                reportOnFailure: true,
                include: ['api/src/**/*.ts', 'soundcheck/src/**/*.ts'],
                exclude: ['**/*.test.ts'],
              },
            }
          : {}),
      },
      {},
    );
    await instance.close();
    return instance;
  });

  const failedToRun = vitest.state.getUnhandledErrors().length > 0 || (process.exitCode ?? 0) !== 0;
  const tally = tallyOf(results.records);
  const ok = tally.failed === 0 && !failedToRun;
  const verdict: Verdict = ok ? 'passed' : 'failed';
  const finished = { ...info, finishedAt: new Date().toISOString(), verdict };
  const coverage = readCoverage(folder);
  const metrics = collectMetrics(results.records, coverage ? { coveragePct: coverage.lines } : {});

  await phase('result collection: history and reports', async () => {
    const view = await history.finish(finished, tally, metrics);
    await publishRun(folder, { run: finished, tally, tests: results.records, metrics }, view, log);
  });
  process.stdout.write(`reports: ${path.relative(process.cwd(), folder)}/index.html\n`);
  return { runId, folder, tally, ok };
}
