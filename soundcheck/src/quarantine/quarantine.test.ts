import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stableTestId } from '../reporter/stable-id.ts';
import type { TestRecord } from '../reporter/test-record.ts';
import { judgeRun } from '../runner/verdict.ts';
import { applyQuarantine, type QuarantineEntry, readQuarantine } from './quarantine.ts';

const record = (title: string, status: TestRecord['status']): TestRecord => ({
  id: stableTestId('tests/e2e/x.test.ts', ['x', title]),
  file: 'tests/e2e/x.test.ts',
  titlePath: ['x', title],
  project: 'e2e',
  tags: [],
  status,
  durationMs: 1,
  retries: 0,
  errors: [],
  attachments: [],
  apiCalls: [],
});
const entry = (title: string, expires = '2026-12-31'): QuarantineEntry => ({
  file: 'tests/e2e/x.test.ts',
  title: `x › ${title}`,
  reason: 'flips on a busy runner',
  owner: 'qa@example.test',
  expires,
});
const today = '2026-12-03';

function file(content: string): string {
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'quarantine-')), 'quarantine.json');
  writeFileSync(target, content);
  return target;
}

describe('the quarantine', { tags: ['unit', 'harness'] }, () => {
  test('a quarantined test that fails does not fail the run; another failure does', () => {
    const tests = [record('flaky one', 'failed'), record('fine', 'passed')];
    const judged = judgeRun(
      tests,
      { failedToRun: false, quarantine: [entry('flaky one')], complete: true },
      today,
    );
    expect([judged.ok, judged.failures, judged.quarantined.map((t) => t.titlePath[1])]).toEqual([
      true,
      0,
      ['flaky one'],
    ]);
    expect(tests[0]!.quarantined).toBe(true);
    const other = [record('flaky one', 'failed'), record('broken', 'failed')];
    expect(
      judgeRun(other, { failedToRun: false, quarantine: [entry('flaky one')], complete: true }, today).ok,
    ).toBe(false);
  });

  test('an expired entry fails the run, naming the entry and its owner, and no longer shields the test', () => {
    const outcome = applyQuarantine([record('old', 'failed')], [entry('old', '2026-12-02')], today, true);
    expect(outcome.problems).toEqual([
      'quarantine of "tests/e2e/x.test.ts › x › old" expired on 2026-12-02 (owner qa@example.test): fix the test, or extend the entry',
    ]);
    expect(outcome.quarantined.size).toBe(0);
    // The day of expiry itself is still covered.
    expect(applyQuarantine([record('old', 'failed')], [entry('old', today)], today, true).problems).toEqual(
      [],
    );
  });

  test('an entry naming no test fails a complete run; a partial run (one category, a shard) cannot tell', () => {
    const gone = [entry('renamed long ago')];
    expect(applyQuarantine([record('fine', 'passed')], gone, today, true).problems).toEqual([
      'quarantine entry "tests/e2e/x.test.ts › x › renamed long ago" names no test of this run: remove it, or correct file and title',
    ]);
    expect(applyQuarantine([record('fine', 'passed')], gone, today, false).problems).toEqual([]);
  });

  test('a file that does not parse, or lacks a field, is one line naming it', () => {
    const broken = file('{ "entries": [ ');
    expect(() => readQuarantine(broken)).toThrow(
      new RegExp(`^${broken} does not parse \\(.+\\); fix the JSON or delete the file$`),
    );
    expect(() =>
      readQuarantine(file('{"entries":[{"file":"a","title":"b","reason":"c","owner":"d"}]}')),
    ).toThrow(/entry 1 needs "expires"/);
    expect(() =>
      readQuarantine(
        file('{"entries":[{"file":"a","title":"b","reason":"c","owner":"d","expires":"next week"}]}'),
      ),
    ).toThrow(/has expires "next week"; write a date as YYYY-MM-DD/);
    expect(() => readQuarantine(file('[]'))).toThrow(/needs \{"entries": \[\.\.\.\]\}/);
  });

  test('no file, no quarantine', () => {
    expect(readQuarantine(path.join(tmpdir(), 'no-such-quarantine.json'))).toEqual([]);
  });
});
