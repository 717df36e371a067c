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
const currentAttempt = (test: Task) => test.meta.phases?.at(-1);

/**
 * Vitest's own runner, plus two things it does not do: it marks where each attempt's setup (hooks),
 * body and teardown began, so the reporter can tell a setup failure from an assertion, and it waits
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
    const fn = TestRunner.getTestFn(test);
    await fn();
  }

  onTaskFinished(test: RunnerTestCase): void {
    const attempt = currentAttempt(test);
    if (attempt) attempt.teardown = errorCount(test);
  }
}
