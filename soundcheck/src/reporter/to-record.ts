import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { TestCase, TestSuite } from 'vitest/node';
import { deliveryStopsOf } from '../triage/delivery.ts';
import { classify, phaseOf } from './classify.ts';
import { stableTestId } from './stable-id.ts';
import type { RecordedError, TestRecord, TestStatus } from './test-record.ts';

/** The titles from the outermost `describe` down to the test (or suite) itself. */
export function titlePathOf(entity: TestCase | TestSuite): string[] {
  const titles = [entity.name];
  for (let parent = entity.parent; parent.type === 'suite'; parent = parent.parent)
    titles.unshift(parent.name);
  return titles;
}

// Vitest colours nothing in serialised errors, but assertion messages may carry ANSI from custom matchers.
const plain = (text: string) => stripVTControlCharacters(text);

function recordErrors(testCase: TestCase): RecordedError[] {
  const phases = testCase.meta().phases;
  // Errors accumulate over the attempts in order; the attempt of error i is where the running count passes i.
  const ends: number[] = [];
  for (const attempt of testCase.attempts()) ends.push((ends.at(-1) ?? 0) + (attempt.errors?.length ?? 0));
  const attemptOf = (index: number) => ends.findIndex((end) => index < end);
  return (testCase.result().errors ?? []).map((error, index) => ({
    category: classify(error, phaseOf(index, phases)),
    message: plain(error.message ?? String(error)),
    ...(error.stack ? { stack: plain(error.stack) } : {}),
    ...(error.diff ? { diff: plain(error.diff) } : {}),
    attempt: Math.max(0, attemptOf(index)),
  }));
}

function statusOf(testCase: TestCase): TestStatus {
  const { state } = testCase.result();
  if (state === 'failed') return 'failed';
  if (state === 'passed') return (testCase.diagnostic()?.retryCount ?? 0) > 0 ? 'flaky' : 'passed';
  return 'skipped';
}

/** Everything the outputs need from one finished Vitest test case. */
export function toRecord(testCase: TestCase, root: string): TestRecord {
  const file = path.relative(root, testCase.module.moduleId).replaceAll('\\', '/');
  const titlePath = titlePathOf(testCase);
  const result = testCase.result();
  const diagnostic = testCase.diagnostic();
  const errors = recordErrors(testCase);
  const status = statusOf(testCase);
  const deliveries = deliveryStopsOf(testCase.meta().deliveryLog);
  // A failure is what its last error was; a flaky test is what made it need a retry: the first error.
  const deciding = status === 'failed' ? errors.at(-1) : status === 'flaky' ? errors[0] : undefined;
  return {
    id: stableTestId(file, titlePath),
    file,
    titlePath,
    project: testCase.project.name,
    tags: [...testCase.tags].sort(),
    status,
    durationMs: Math.round((diagnostic?.duration ?? 0) * 1000) / 1000,
    retries: diagnostic?.retryCount ?? 0,
    ...(result.state === 'skipped' && result.note ? { note: result.note } : {}),
    ...(deciding ? { category: deciding.category } : {}),
    errors,
    attachments: testCase.annotations().flatMap((annotation) =>
      annotation.attachment?.path
        ? [
            {
              name: annotation.message,
              path: annotation.attachment.path,
              ...(annotation.attachment.contentType
                ? { contentType: annotation.attachment.contentType }
                : {}),
            },
          ]
        : [],
    ),
    apiCalls: testCase.meta().apiCalls ?? [],
    ...(deliveries.length ? { deliveries } : {}),
  };
}
