import type { RunnerTestCase, TestTryOptions } from 'vitest';
import { TestRunner } from 'vitest';
import { backoffMs } from './infrastructure-retry.ts';

/** Where each attempt's errors start: indexes into `result.errors` when the body and the teardown began. */
export interface AttemptPhases {
  start: number;
  execution?: number;
  teardown?: number;
}

declare module 'vitest' {
  interface TaskMeta {
    phases?: AttemptPhases[];
  }
}

type Task = Parameters<TestRunner['onBeforeTryTask']>[0];

const errorCount = (test: Task) => test.result?.errors?.length ?? 0;

/**
 * Vitest's frames that prepare a `test.extend` fixture (`resolveFixtureFunction`, and the `fixture` wrapper
 * of the builder form `.extend(name, fn)`): an error thrown beneath them came before the test body began.
 * An object-form fixture that throws after an `await` leaves no such frame, and stays an execution error.
 */
const fixtureFrame = /^\s*at (?:async )?(?:fixture|resolveFixtureFunction) \(.*[\\/]vitest[\\/]dist[\\/]/m;
const preparingFixture = (error: unknown) => error instanceof Error && fixtureFrame.test(error.stack ?? '');
const currentAttempt = (test: Task) => test.meta.phases?.at(-1);

/**
 * Vitest's own runner, plus two things it does not do: it marks where each attempt's setup (hooks and
 * fixtures), body and teardown began, so the reporter can tell a setup failure from an assertion, and it waits
 * with exponential backoff before a retry (Vitest's `retry.delay` is fixed).
 */
export default class PhaseRunner extends TestRunner {
  override async onBeforeTryTask(test: Task, options: TestTryOptions): Promise<void> {
    if (options.retry > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs(options.retry)));
    super.onBeforeTryTask(test, options);
    test.meta.phases ??= [];
    test.meta.phases.push({ start: errorCount(test) });
  }

  async runTask(test: RunnerTestCase): Promise<void> {
    const attempt = currentAttempt(test);
    if (attempt) attempt.execution = errorCount(test);
    try {
      await TestRunner.getTestFn(test)();
    } catch (error) {
      // The test's fixtures are prepared inside its function: a fixture that failed means the body never began.
      if (attempt && preparingFixture(error)) delete attempt.execution;
      throw error;
    }
  }

  onTaskFinished(test: RunnerTestCase): void {
    const attempt = currentAttempt(test);
    if (attempt) attempt.teardown = errorCount(test);
  }
}
