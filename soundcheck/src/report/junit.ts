import { create } from 'xmlbuilder2';
import type { RunResult } from './run-result.ts';

/**
 * JUnit XML as CI servers read it, one `testsuite` per file. A flaky test passes, with a `flakyFailure`
 * per failed attempt (the Maven Surefire convention Jenkins and GitLab understand) and a `retries` property.
 */
export function renderJunit(result: RunResult): string {
  const byFile = Map.groupBy(result.tests, (test) => test.file);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: `soundcheck ${result.run.id}`,
    tests: result.tests.length,
    failures: result.tally.failed,
    skipped: result.tally.skipped,
    time: (result.metrics.totalDurationMs / 1000).toFixed(3),
  });
  for (const [file, tests] of byFile) {
    const suite = root.ele('testsuite', {
      name: file,
      tests: tests.length,
      failures: tests.filter((test) => test.status === 'failed').length,
      skipped: tests.filter((test) => test.status === 'skipped').length,
      time: (tests.reduce((sum, test) => sum + test.durationMs, 0) / 1000).toFixed(3),
    });
    for (const test of tests) {
      const testcase = suite.ele('testcase', {
        classname: `${test.project ? `${test.project} › ` : ''}${file}`,
        name: test.titlePath.join(' › '),
        time: (test.durationMs / 1000).toFixed(3),
      });
      const properties = testcase.ele('properties');
      properties.ele('property', { name: 'id', value: test.id });
      properties.ele('property', { name: 'retries', value: test.retries });
      if (test.tags.length) properties.ele('property', { name: 'tags', value: test.tags.join(',') });
      if (test.status === 'flaky') properties.ele('property', { name: 'flaky', value: 'true' });
      if (test.status === 'skipped') testcase.ele('skipped', test.note ? { message: test.note } : {});
      for (const error of test.errors) {
        const element = test.status === 'flaky' ? 'flakyFailure' : 'failure';
        testcase
          .ele(element, { message: error.message.split('\n')[0] ?? '', type: error.category })
          .txt([error.message, error.diff, error.stack].filter(Boolean).join('\n\n'));
      }
    }
  }
  return root.end({ prettyPrint: true });
}
