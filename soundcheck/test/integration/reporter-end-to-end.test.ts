import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { convert } from 'xmlbuilder2';
import type { RunResult } from '../../src/report/run-result.ts';
import type { ErrorSummary } from '../../src/reporter/error-summary.ts';

const script = fileURLToPath(new URL('../support/run-fixture-suite.ts', import.meta.url));

describe('the reporter, end to end on a suite with known outcomes', {
  tags: ['integration', 'reporting'],
  timeout: 60_000,
}, () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-reporter-'));
  const read = (file: string) => readFileSync(path.join(folder, file), 'utf8');
  beforeAll(() => {
    // A child process: Vitest inside a Vitest worker would share its state.
    execFileSync(process.execPath, [script, folder], {
      stdio: 'pipe',
      env: { ...process.env, SOUNDCHECK_QUIET: '1' },
    });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('results.json has every test with its status, retries, category and tags', () => {
    const result = JSON.parse(read('results.json')) as RunResult;
    expect(result.tally).toEqual({ passed: 1, failed: 5, skipped: 2, flaky: 1 });
    expect(
      result.tests.map((t) => ({
        title: t.titlePath.at(-1),
        status: t.status,
        retries: t.retries,
        category: t.category,
        tags: t.tags,
      })),
    ).toEqual([
      { title: 'passes', status: 'passed', retries: 0, category: undefined, tags: ['fast'] },
      { title: 'fails an assertion', status: 'failed', retries: 0, category: 'execution', tags: ['fast'] },
      {
        title: 'meets a refused connection once, then passes',
        status: 'flaky',
        retries: 1,
        category: 'infrastructure',
        tags: ['network'],
      },
      { title: 'is skipped', status: 'skipped', retries: 0, category: undefined, tags: [] },
      { title: 'never runs its body', status: 'failed', retries: 0, category: 'setup', tags: [] },
      // A `test.extend` fixture is prepared inside the test's function, yet it is setup, not the body.
      { title: 'never gets its partner', status: 'failed', retries: 0, category: 'setup', tags: [] },
      { title: 'runs its body fine', status: 'failed', retries: 0, category: 'teardown', tags: [] },
      // A describe's beforeAll failed: its test is skipped, and the failure is the suite's own record.
      { title: 'would have checked something', status: 'skipped', retries: 0, category: undefined, tags: [] },
      { title: '(suite hooks)', status: 'failed', retries: 0, category: 'setup', tags: [] },
    ]);
    expect(result.tests.at(-1)).toMatchObject({
      file: 'broken-file.test.ts',
      titlePath: ['a file with a broken beforeAll', '(suite hooks)'],
      note: 'a beforeAll of this describe failed: its 1 test did not run',
    });
    const assertion = result.tests[1]?.errors[0];
    expect(assertion?.diff).toContain('-   "status": "rejected",\n+   "status": "delivered",');
    // The infrastructure failure was retried once after the backoff; an assertion never is.
    expect(result.tests[2]?.durationMs).toBeGreaterThanOrEqual(200);
  });

  test('junit.xml marks the flaky test as a pass with a flakyFailure and its retries', () => {
    const xml = convert(read('junit.xml'), { format: 'object' }) as {
      testsuites: {
        '@tests': string;
        '@failures': string;
        testsuite: Array<{ '@name': string; testcase: Array<Record<string, unknown>> }>;
      };
    };
    expect([xml.testsuites['@tests'], xml.testsuites['@failures']]).toEqual(['9', '5']);
    const outcomes = xml.testsuites.testsuite.find((suite) => suite['@name'] === 'outcomes.test.ts');
    const flaky = outcomes?.testcase.find((c) => String(c['@name']).endsWith('then passes'));
    expect(flaky).toMatchObject({
      flakyFailure: { '@type': 'infrastructure', '@message': 'fetch failed' },
      properties: {
        property: expect.arrayContaining([
          { '@name': 'retries', '@value': '1' },
          { '@name': 'flaky', '@value': 'true' },
        ]),
      },
    });
    expect(flaky).not.toHaveProperty('failure');
  });

  test('errors.json groups the errors by category', () => {
    const summary = JSON.parse(read('errors.json')) as ErrorSummary;
    expect(summary.counts).toEqual({ infrastructure: 1, setup: 3, execution: 1, teardown: 1 });
    expect(
      Object.values(summary.byCategory)
        .flat()
        .map((e) => [e.category, e.status, e.message]),
    ).toEqual([
      ['infrastructure', 'flaky', 'fetch failed'],
      ['setup', 'failed', 'fixture could not be prepared'],
      ['setup', 'failed', 'partner fixture could not be prepared'],
      ['setup', 'failed', 'the file could not start its server'],
      ['execution', 'failed', "expected { status: 'delivered' } to deeply equal { status: 'rejected' }"],
      ['teardown', 'failed', 'cleanup left something behind'],
    ]);
  });

  test('index.html leads with the verdict and lists the failures in clusters, the retried one apart', () => {
    const page = read('index.html');
    expect(page).toMatch(/<header class="failed">\s*<div><h1>FAILED<\/h1>/);
    // Five failures of five different signatures: five clusters, each with its category.
    expect(page).toContain('<h2>Failures <span class="pill">5 in 5 clusters</span></h2>');
    for (const category of ['setup', 'execution', 'teardown'])
      expect(page).toContain(`<span class="pill ${category}">${category}</span>`);
    // The infrastructure failure passed on retry: flaky, not a cluster.
    expect(page).toMatch(/Flaky: passed only on retry[\s\S]*fetch failed/);
    // A hook's failure says what it cost, not just "(suite hooks)".
    expect(page).toContain(
      '<div class="note">a beforeAll of this describe failed: its 1 test did not run</div>',
    );
    expect(page).not.toMatch(/<(link|img|script)[^>]+(src|href)=/);
  });
});
