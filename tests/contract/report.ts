import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SectionEntry } from 'soundcheck/report/extra-sections.ts';
import { type CoverageMap, coverageMap, coveredBlackBox } from './coverage-map.ts';

/** `contract-coverage.md` (the checklist, item by item) and the dashboard entry listing the uncovered. */
export function writeCoverageReport(folder: string, map: CoverageMap): void {
  const uncovered = map.items.filter((item) => !coveredBlackBox(item));
  const inProcessOnly = uncovered.filter((item) => item.by.length > 0);
  const lines = [
    '# Contract coverage',
    '',
    `${map.items.length - uncovered.length}/${map.items.length} contract items covered by a black-box test; ` +
      `${inProcessOnly.length} more only in-process; ${uncovered.length - inProcessOnly.length} by nothing.`,
    '',
    '| item | covered by |',
    '|---|---|',
    ...map.items.map(
      (item) =>
        `| ${item.id} | ${item.by.length ? item.by.map((by) => `${by.file}${by.blackBox ? '' : ' (in-process)'}`).join('<br>') : '**uncovered**'} |`,
    ),
    '',
  ];
  writeFileSync(path.join(folder, 'contract-coverage.md'), lines.join('\n'));
  const entry: SectionEntry = {
    title: 'Contract coverage (API.md, state machines, QC rules, identifiers)',
    verdict: uncovered.length === 0 ? 'passed' : 'warning',
    summary: `${map.items.length - uncovered.length}/${map.items.length} items covered black-box`,
    metrics: [
      { name: 'covered black-box', value: map.items.length - uncovered.length, unit: `/${map.items.length}` },
    ],
    findings: uncovered.map((item) => ({
      severity: 'medium',
      title: `uncovered: ${item.id}`,
      ...(item.by.length ? { detail: `only in-process: ${item.by.map((by) => by.file).join(', ')}` } : {}),
    })),
  };
  mkdirSync(path.join(folder, 'security'), { recursive: true });
  writeFileSync(path.join(folder, 'security/contract-coverage.json'), `${JSON.stringify(entry, null, 2)}\n`);
}

/**
 * A `--target` run has no unit project, whose coverage-map test writes the page otherwise; the map is read
 * from the tests' sources, so the run's global setup writes the same page. True when it wrote it.
 */
export function writeTargetRunCoverage(env: NodeJS.ProcessEnv): boolean {
  const folder = env.SOUNDCHECK_RUN_DIR;
  if (!env.SOUNDCHECK_TARGET || !folder) return false;
  writeCoverageReport(folder, coverageMap());
  return true;
}
