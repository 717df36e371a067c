import { type ErrorCategory, errorCategories } from './classify.ts';
import type { TestRecord } from './test-record.ts';

export interface ErrorEntry {
  testId: string;
  test: string;
  file: string;
  status: 'failed' | 'flaky';
  category: ErrorCategory;
  message: string;
  stack?: string;
  diff?: string;
  attempt: number;
}

/** `errors.json`: the error log of a run, grouped by category (`export_error_logs`). */
export interface ErrorSummary {
  counts: Record<ErrorCategory, number>;
  byCategory: Record<ErrorCategory, ErrorEntry[]>;
}

/** `TestErrorReporter.generate_error_summary`: every failed or retried test's errors, by category. */
export function errorSummary(records: readonly TestRecord[]): ErrorSummary {
  const byCategory = Object.fromEntries(
    errorCategories.map((category) => [category, []]),
  ) as unknown as Record<ErrorCategory, ErrorEntry[]>;
  for (const record of records) {
    if (record.status !== 'failed' && record.status !== 'flaky') continue;
    for (const error of record.errors)
      byCategory[error.category].push({
        testId: record.id,
        test: record.titlePath.join(' › '),
        file: record.file,
        status: record.status,
        category: error.category,
        message: error.message,
        ...(error.stack ? { stack: error.stack } : {}),
        ...(error.diff ? { diff: error.diff } : {}),
        attempt: error.attempt,
      });
  }
  const counts = Object.fromEntries(errorCategories.map((c) => [c, byCategory[c].length])) as Record<
    ErrorCategory,
    number
  >;
  return { counts, byCategory };
}
