import type { SectionEntry } from 'soundcheck/report/extra-sections.ts';
import type { BlackBoxOutcome } from './blackbox-run.ts';
import type { BugPatch } from './patched-copy.ts';

export interface PatchResult extends BugPatch {
  outcome: BlackBoxOutcome;
  caught: boolean;
}

/** caught/total per area, in the order the areas first appear. */
function perArea(results: PatchResult[]): Array<{ area: string; caught: number; total: number }> {
  const areas = [...new Set(results.map((result) => result.area))];
  return areas.map((area) => {
    const mine = results.filter((result) => result.area === area);
    return { area, caught: mine.filter((result) => result.caught).length, total: mine.length };
  });
}

export function summaryMarkdown(control: BlackBoxOutcome, results: PatchResult[]): string {
  const lines = [
    '# Black-box effectiveness',
    '',
    `Control (unpatched API): ${control.passed} passed, ${control.failed} failed, ${control.skipped} skipped.`,
    '',
    '| area | caught / total |',
    '|---|---|',
    ...perArea(results).map(({ area, caught, total }) => `| ${area} | ${caught}/${total} |`),
    '',
    '| patch | bug | caught by |',
    '|---|---|---|',
    ...results.map(
      (result) =>
        `| ${result.name} | ${result.bug} | ${result.caught ? `${result.outcome.failed}: ${result.outcome.failures[0] ?? ''}` : '**missed**'} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/** The dashboard's entry (security section): one metric per area, a finding per missed patch. */
export function summarySection(control: BlackBoxOutcome, results: PatchResult[]): SectionEntry {
  const missed = results.filter((result) => !result.caught);
  const caught = results.length - missed.length;
  return {
    title: 'Black-box effectiveness (seeded bug patches)',
    verdict: missed.length === 0 && control.failed === 0 ? 'passed' : 'failed',
    summary: `${caught}/${results.length} patches caught black-box; control ${control.failed} failed`,
    metrics: perArea(results).map(({ area, caught: n, total }) => ({
      name: area,
      value: n,
      unit: `/${total}`,
    })),
    findings: missed.map((result) => ({
      severity: 'high',
      title: `missed: ${result.name}`,
      detail: result.bug,
    })),
  };
}
