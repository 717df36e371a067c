import { describe, expect, test } from 'vitest';
import { sampleRun } from '../../test/support/sample-run.ts';
import { jobSummary } from './job-summary.ts';

describe('the CI job summary', { tags: ['unit', 'reporting'] }, () => {
  test('says the verdict and counts, lists failures by cluster, the flaky and the slowest tests', () => {
    const run = sampleRun();
    const summary = jobSummary(run);
    const { passed, failed, skipped, flaky } = run.tally;
    expect(summary).toContain(`## ❌ Soundcheck ${run.run.verdict}`);
    expect(summary).toContain(`**${passed} passed, ${failed} failed, ${skipped} skipped, ${flaky} flaky**`);
    expect(summary).toContain('### Failures by cluster');
    const failing = run.tests.filter((t) => t.status === 'failed').length;
    const rows = summary.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows.reduce((sum, row) => sum + Number(row.split('|')[1]), 0)).toBe(failing);
    expect(summary).toContain('### Slowest tests');
  });

  test('a pipe in a test title does not break the Markdown table', () => {
    const run = sampleRun();
    run.tests[0]!.titlePath = ['a | b'];
    run.tests[0]!.durationMs = 1e9;
    expect(jobSummary(run)).toContain('| a \\| b | 1000000.0 s |');
  });
});
