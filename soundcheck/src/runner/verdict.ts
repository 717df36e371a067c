import { applyQuarantine, countingFailures, type QuarantineEntry } from '../quarantine/quarantine.ts';
import type { TestRecord } from '../reporter/test-record.ts';

export interface Judgement {
  ok: boolean;
  /** Why the run fails besides failed tests: expired or stale quarantine entries, flaky-new tests. */
  problems: string[];
  /** Failed tests that do not fail the run, being quarantined. */
  quarantined: TestRecord[];
  /** Failed tests that count. */
  failures: number;
}

/**
 * The run's verdict: no failure outside the quarantine, no problem (expired or stale quarantine entry,
 * flaky-new test), and nothing that kept Vitest from running (an unhandled error, a file that would not load).
 */
export function judgeRun(
  tests: TestRecord[],
  options: {
    failedToRun: boolean;
    quarantine: readonly QuarantineEntry[];
    complete: boolean;
    problems?: string[];
  },
  today = new Date().toISOString().slice(0, 10),
): Judgement {
  const quarantine = applyQuarantine(tests, options.quarantine, today, options.complete);
  for (const test of tests) if (quarantine.quarantined.has(test.id)) test.quarantined = true;
  const failures = countingFailures(tests, quarantine.quarantined).length;
  const quarantined = tests.filter((test) => test.status === 'failed' && test.quarantined);
  const problems = [...quarantine.problems, ...(options.problems ?? [])];
  return {
    ok: failures === 0 && problems.length === 0 && !options.failedToRun,
    problems,
    quarantined,
    failures,
  };
}
