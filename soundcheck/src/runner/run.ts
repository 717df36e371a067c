import path from 'node:path';
import { startVitest } from 'vitest/node';
import { examineMachine, printFindings } from '../doctor/doctor.ts';
import { collectMetrics } from '../metrics/collector.ts';
import { latestCapacities } from '../perf/history/capacity.ts';
import { readPerfFigures } from '../perf/history/perf-figures.ts';
import { readQuarantine } from '../quarantine/quarantine.ts';
import { writeJobSummary } from '../report/job-summary.ts';
import type { Verdict } from '../report/run-result.ts';
import { readCoverage } from '../report/write-run-folder.ts';
import { ResultsReporter } from '../reporter/results-reporter.ts';
import type { TestRecord } from '../reporter/test-record.ts';
import { type Tally, tallyOf } from '../reporter/test-record.ts';
import { describePlan, shardFiles } from '../sharding/shard-files.ts';
import { clusterSummary } from '../triage/summary.ts';
import { UserError } from '../user-error.ts';
import { allCategories, type Category } from './categories.ts';
import { markFlakyNew, newTestIds, repeatTests } from './early-flake-detection.ts';
import { HistorySession } from './history-session.ts';
import { phase } from './phases.ts';
import { ProgressReporter } from './progress-reporter.ts';
import { publishRun } from './publish-run.ts';
import { createRunFolder, newRunId } from './run-folder.ts';
import { runInfo } from './run-info.ts';
import { judgeRun } from './verdict.ts';

export interface RunOptions {
  categories: Category[];
  /** Vitest tag expressions (`auth && !slow`); several are or-ed. */
  tags: string[];
  /** Black-box mode: the base URL of a deployment. */
  target: string | null;
  /** `i/n`: this machine runs the i-th of n shards, balanced by the files' durations in the history. */
  shard: string | null;
  /** A saved shard plan (`soundcheck shards --out`), so that every shard of a CI run agrees. */
  shardPlan?: string | null;
  reportDir: string;
  seed: number;
  /** Files and tests in an order drawn from the seed, so an order dependence shows and replays. */
  shuffle?: boolean;
  /** Vitest's workers; null keeps the config's (the cores, at least 2). */
  maxWorkers?: number | null;
  strict: boolean;
  /** The quarantine list (default tests/quarantine.json). */
  quarantineFile?: string;
  /** Early flake detection: tests the history of this branch never ran repeat `repeats` times. */
  newTests?: { base: string; repeats: number } | null;
  /** Append a Markdown summary of the run here (a CI job summary). */
  summaryFile?: string | null;
  /** Measure code coverage into `<run>/coverage/` (the full QA run does; `npm test` stays fast). */
  coverage?: boolean;
}

export interface RunOutcome {
  runId: string;
  folder: string;
  tally: Tally;
  /** Failed tests under quarantine: in the tally's failed count, but not failing the run. */
  quarantinedFailures: number;
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
  const stoodIn = findings.filter(
    (finding) => ['postgres', 'redis'].includes(finding.name) && finding.detail.startsWith('not reachable'),
  );
  if (stoodIn.length)
    process.stdout.write('  → running with the embedded stand-ins; tests that need the real service skip\n');
}

/** Repeats the tests this branch's history never ran; returns one line per new test that failed a repeat. */
async function detectFlakyNew(
  records: TestRecord[],
  history: HistorySession,
  options: RunOptions,
): Promise<string[]> {
  const { base, repeats } = options.newTests!;
  return phase(`early flake detection: new tests × ${repeats}`, async () => {
    const ids = await history.read((sql) => newTestIds(sql, records, base));
    if (!ids) {
      process.stdout.write(
        `  ! the history has no run of ${base}: new tests cannot be told apart, none repeated\n`,
      );
      return [];
    }
    const fresh = records.filter((record) => ids.has(record.id));
    process.stdout.write(
      `  ${fresh.length} new test${fresh.length === 1 ? '' : 's'} (not in ${base}'s history)\n`,
    );
    if (!fresh.length) return [];
    return markFlakyNew(records, await repeatTests(fresh, options.categories, repeats), repeats);
  });
}

/** One QA run: pre-test checks, the selected categories in Vitest, the run folder, the verdict. */
export async function run(options: RunOptions): Promise<RunOutcome> {
  // A quarantine file that does not parse stops the run before anything starts (one line, exit 2).
  const quarantine = readQuarantine(options.quarantineFile);
  const runId = newRunId();
  const folder = createRunFolder(options.reportDir, runId);
  process.stdout.write(
    `soundcheck run ${runId} — seed ${options.seed} (replay with --seed ${options.seed}${options.shuffle ? ' --shuffle' : ''})\n`,
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

  const files = options.shard
    ? await phase(`sharding: shard ${options.shard} by duration`, async () => {
        const { shards, mine } = await shardFiles(
          options.shard!,
          options.categories,
          options.shardPlan ?? null,
        );
        for (const line of describePlan(shards, mine)) process.stdout.write(`${line}\n`);
        // An empty filter list would run every file: a shard with none gets a filter that matches none.
        return mine.files.length
          ? mine.files.map((file) => path.resolve(file))
          : ['<no files in this shard>'];
      })
    : [];
  const info = runInfo({ id: runId, seed: options.seed, shard: options.shard, target: options.target });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const history = await phase('history: open the store', () => HistorySession.begin(info, log));
  // The load suite runs at 60 % of the capacity the stress suite last measured: read once, passed on.
  process.env.SOUNDCHECK_PERF_CAPACITY = JSON.stringify((await history.read(latestCapacities)) ?? {});

  const progress = new ProgressReporter();
  const results = new ResultsReporter({ sink: history.sink });
  const vitest = await phase(`execution: ${options.categories.join(', ')}`, async () => {
    const instance = await startVitest(
      'test',
      files,
      {
        run: true,
        watch: false,
        project: options.categories,
        // A shard with no files (more shards than files) runs nothing rather than everything.
        ...(options.shard ? { passWithNoTests: true } : {}),
        ...(options.tags.length ? { tagsFilter: options.tags } : {}),
        ...(options.shuffle ? { sequence: { shuffle: true, seed: options.seed } } : {}),
        ...(options.maxWorkers ? { maxWorkers: options.maxWorkers } : {}),
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
  const flakyNew = options.newTests ? await detectFlakyNew(results.records, history, options) : [];
  const complete =
    !options.shard &&
    !options.tags.length &&
    !options.target &&
    options.categories.length === allCategories.length;
  const judgement = judgeRun(results.records, { failedToRun, quarantine, complete, problems: flakyNew });
  const tally = tallyOf(results.records);
  const { ok } = judgement;
  const verdict: Verdict = ok ? 'passed' : 'failed';
  const finished = { ...info, finishedAt: new Date().toISOString(), verdict };
  const coverage = readCoverage(folder);
  const metrics = collectMetrics(results.records, coverage ? { coveragePct: coverage.lines } : {});
  const perf = readPerfFigures(folder);
  if (perf.length) metrics.perf = perf;

  await phase('result collection: history and reports', async () => {
    const view = await history.finish(finished, tally, metrics);
    const result = { run: finished, tally, tests: results.records, metrics };
    await publishRun(folder, result, view, log);
    if (options.summaryFile) writeJobSummary(options.summaryFile, result);
  });
  for (const line of clusterSummary(results.records)) process.stdout.write(`${line}\n`);
  for (const test of judgement.quarantined)
    process.stdout.write(`  ~ quarantined, failed (not counted): ${test.titlePath.join(' › ')}\n`);
  for (const problem of judgement.problems) process.stdout.write(`  ✗ ${problem}\n`);
  process.stdout.write(`reports: ${path.relative(process.cwd(), folder)}/index.html\n`);
  return { runId, folder, tally, quarantinedFailures: judgement.quarantined.length, ok };
}
