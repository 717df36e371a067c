import type { ApiCall } from '../client/response-log.ts';
import type { ErrorCategory } from './classify.ts';

export type TestStatus = 'passed' | 'failed' | 'skipped' | 'flaky';

export interface RecordedError {
  category: ErrorCategory;
  message: string;
  stack?: string;
  /** Vitest's expected/actual diff, when an assertion failed. */
  diff?: string;
  /** Which attempt (0-based) produced it. */
  attempt: number;
}

export interface Attachment {
  name: string;
  /** A path relative to the run folder, or a URL. */
  path: string;
  contentType?: string;
}

/** Where one delivery a test drove was when the test ended: its partner, transport and state. */
export interface DeliveryStop {
  /** The partner's name, or its id when the test never saw the partner itself. */
  partner: string;
  transport: string;
  stage: string;
}

/** One test's outcome, as every output (results.json, junit, errors.json, history, dashboard) sees it. */
export interface TestRecord {
  id: string;
  file: string;
  titlePath: string[];
  project: string;
  tags: string[];
  status: TestStatus;
  durationMs: number;
  retries: number;
  /** Why a skipped test did not run (`ctx.skip(note)`). */
  note?: string;
  /** Category of the failure that decided the status (or of the retried failure, when flaky). */
  category?: ErrorCategory;
  errors: RecordedError[];
  attachments: Attachment[];
  apiCalls: ApiCall[];
  /** The deliveries the test drove and where each was when it ended (delivery triage); absent when none. */
  deliveries?: DeliveryStop[];
  /** Under a live entry of tests/quarantine.json: it ran and is recorded, but its failure does not fail the run. */
  quarantined?: boolean;
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  flaky: number;
}

export function tallyOf(records: readonly TestRecord[]): Tally {
  const tally: Tally = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  for (const record of records) tally[record.status]++;
  return tally;
}
