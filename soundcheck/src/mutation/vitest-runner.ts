import type { StrykerOptions } from '@stryker-mutator/api/core';
import type { Logger } from '@stryker-mutator/api/logging';
import { commonTokens, declareClassPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import {
  type DryRunOptions,
  type DryRunResult,
  DryRunStatus,
  type MutantRunOptions,
  type MutantRunResult,
  MutantRunStatus,
  type TestResult,
  type TestRunner,
  TestStatus,
} from '@stryker-mutator/api/test-runner';
import { type SessionRun, VitestSession } from './vitest-session.ts';

/** `soundcheckVitest` in the Stryker options: which Vitest project, which test files. */
export interface SoundcheckVitestOptions {
  project: string;
  testFiles: string[];
  setupFiles?: string[];
}

const hitLimitMessage = 'Stryker: Hit count limit reached';

/**
 * Stryker test runner on a Vitest kept alive for the whole run. Tests are selected per file (a test's
 * file is known from the dry run), never by name: Stryker's own Vitest runner matches names Vitest 5 no
 * longer produces (stryker-js #6210). A mutant run that executes no test is an error, never "Survived".
 */
class SoundcheckVitestRunner implements TestRunner {
  static inject = tokens(commonTokens.options, commonTokens.logger);
  private readonly options: SoundcheckVitestOptions;
  private readonly logger: Logger;
  private readonly session: VitestSession;

  constructor(options: StrykerOptions, logger: Logger) {
    this.options = options.soundcheckVitest as SoundcheckVitestOptions;
    this.logger = logger;
    this.session = new VitestSession(process.cwd(), this.options.project, this.options.setupFiles);
  }

  capabilities() {
    return { reloadEnvironment: true };
  }

  async dryRun(options: DryRunOptions): Promise<DryRunResult> {
    const run = await this.session.run(this.options.testFiles, null, null);
    if (run.brokenFiles.length) return { status: DryRunStatus.Error, errorMessage: describeBroken(run) };
    const failed = run.tests.filter((t) => t.state === 'failed');
    if (failed.length) {
      return { status: DryRunStatus.Error, errorMessage: `tests fail without a mutant: ${failed[0]?.name}` };
    }
    if (!run.tests.some((t) => t.state === 'passed')) {
      return { status: DryRunStatus.Error, errorMessage: 'the dry run ran zero tests' };
    }
    const perTest: Record<string, Record<string, number>> = {};
    for (const test of run.tests) {
      perTest[test.id] = test.hits;
    }
    this.logger.info(`dry run: ${run.tests.length} tests in ${this.options.testFiles.length} files`);
    return {
      status: DryRunStatus.Complete,
      tests: run.tests.map(toTestResult),
      mutantCoverage: options.coverageAnalysis === 'off' ? undefined : { static: {}, perTest },
    };
  }

  async mutantRun(options: MutantRunOptions): Promise<MutantRunResult> {
    const files = this.filesFor(options.testFilter);
    const run = this.session.run(files, options.activeMutant.id, options.hitLimit ?? null);
    run.catch(() => undefined); // a run abandoned on timeout may still reject later
    const outcome = await withTimeout(run, options.timeout);
    if (outcome === 'timeout') {
      await this.session.reset();
      return { status: MutantRunStatus.Timeout, reason: `no verdict in ${options.timeout} ms` };
    }
    return verdict(outcome);
  }

  async dispose(): Promise<void> {
    await this.session.reset();
  }

  private filesFor(testFilter: readonly string[] | undefined): string[] {
    if (!testFilter) return this.options.testFiles;
    return [...new Set(testFilter.map((id) => id.slice(0, id.lastIndexOf('#'))))];
  }
}

/**
 * A mutant's verdict from its run. Each test file runs in a worker of its own, so a test that failed before
 * the active mutant had run at all in its file failed for something else — a flaky test, or a mutant
 * leaking from an earlier run — and is no kill: a run whose only failures are such is an Error, which the
 * judge reports as an untrusted module, never a Killed that inflates the score.
 */
export function verdict(run: SessionRun): MutantRunResult {
  const failed = run.tests.filter((t) => t.state === 'failed');
  const ran = run.tests.filter((t) => t.state !== 'skipped').length;
  const messages = [...failed.map((t) => t.failure), ...run.brokenFiles.map((f) => f.message)];
  if (messages.some((m) => m.includes(hitLimitMessage))) {
    return { status: MutantRunStatus.Timeout, reason: 'hit count limit reached (an endless loop)' };
  }
  const killers = failed.filter((t) => t.activeHits !== 0);
  if (killers.length || run.brokenFiles.length) {
    return {
      status: MutantRunStatus.Killed,
      killedBy: killers.map((t) => t.id),
      failureMessage: [...killers.map((t) => t.failure), ...run.brokenFiles.map((f) => f.message)][0] ?? '',
      nrOfTests: ran,
    };
  }
  const [unexplained] = failed;
  if (unexplained) {
    return {
      status: MutantRunStatus.Error,
      errorMessage: `${failed.length} test(s) failed though the mutant never ran in their file, first ${unexplained.name}: ${unexplained.failure.split('\n')[0]}`,
    };
  }
  if (ran === 0) return { status: MutantRunStatus.Error, errorMessage: 'the mutant ran zero tests' };
  return { status: MutantRunStatus.Survived, nrOfTests: ran };
}

function toTestResult(test: SessionRun['tests'][number]): TestResult {
  const base = { id: test.id, name: test.name, fileName: test.file, timeSpentMs: test.durationMs };
  if (test.state === 'skipped') return { ...base, status: TestStatus.Skipped };
  if (test.state === 'failed') return { ...base, status: TestStatus.Failed, failureMessage: test.failure };
  return { ...base, status: TestStatus.Success };
}

function describeBroken(run: SessionRun): string {
  return run.brokenFiles.map((f) => `${f.file}: ${f.message}`).join('\n');
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

export const strykerPlugins = [
  declareClassPlugin(PluginKind.TestRunner, 'soundcheck-vitest', SoundcheckVitestRunner),
];

export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  type: 'object',
  properties: {
    soundcheckVitest: {
      type: 'object',
      properties: {
        project: { type: 'string' },
        testFiles: { type: 'array', items: { type: 'string' } },
        setupFiles: { type: 'array', items: { type: 'string' } },
      },
      required: ['project', 'testFiles'],
    },
  },
};
