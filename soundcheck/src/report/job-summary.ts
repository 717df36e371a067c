import { appendFileSync } from 'node:fs';
import { areasOf } from '../triage/area.ts';
import { clusterFailures, describeCluster } from '../triage/signature.ts';
import type { RunResult } from './run-result.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const title = (titlePath: readonly string[]) => cell(titlePath.join(' › '));

/**
 * A run as Markdown for a CI job summary (GitHub's `$GITHUB_STEP_SUMMARY`): verdict and counts, failures
 * by cluster with the areas they stopped in, quarantined and flaky tests, the slowest tests.
 */
export function jobSummary(
  { run, tally, tests }: RunResult,
  reportHint = 'the soundcheck-run artifact',
): string {
  const icon = run.verdict === 'passed' ? '✅' : '❌';
  const lines = [
    `## ${icon} Soundcheck ${run.verdict}`,
    '',
    `**${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped, ${tally.flaky} flaky** · run \`${run.id}\`${run.commit ? ` · ${run.commit.slice(0, 10)}` : ''}`,
  ];
  const clusters = clusterFailures(tests);
  if (clusters.length) {
    lines.push('', '### Failures by cluster', '', '| tests | failure | areas |', '|---:|---|---|');
    for (const cluster of clusters.slice(0, 15)) {
      const areas = [...new Set(cluster.tests.flatMap((test) => areasOf(test).slice(0, 1)))].join(', ');
      lines.push(
        `| ${cluster.tests.length} | ${cell(describeCluster(cluster).replace(/^\d+ tests? — /, ''))} | ${areas} |`,
      );
    }
  }
  const quarantined = tests.filter((test) => test.status === 'failed' && test.quarantined);
  if (quarantined.length)
    lines.push(
      '',
      `### Quarantined (failed, not counted): ${quarantined.length}`,
      '',
      ...quarantined.map((t) => `- ${title(t.titlePath)}`),
    );
  const flaky = tests.filter((test) => test.status === 'flaky');
  if (flaky.length)
    lines.push(
      '',
      `### Flaky: ${flaky.length}`,
      '',
      ...flaky.map((t) => `- ${title(t.titlePath)}${t.note ? ` — ${cell(t.note)}` : ''}`),
    );
  const slowest = [...tests].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5);
  if (slowest.length)
    lines.push(
      '',
      '### Slowest tests',
      '',
      '| test | time |',
      '|---|---:|',
      ...slowest.map((t) => `| ${title(t.titlePath)} | ${(t.durationMs / 1000).toFixed(1)} s |`),
    );
  lines.push('', `The full report (index.html, junit.xml, results.json) is in ${reportHint}.`, '');
  return lines.join('\n');
}

/** Appends the summary to `file` (GitHub gives each step its own summary file). */
export function writeJobSummary(file: string, result: RunResult): void {
  appendFileSync(file, jobSummary(result));
}
