import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SectionEntry } from '../report/extra-sections.ts';
import type { Severity } from './checks.ts';
import { atOrAbove, type Finding } from './findings.ts';
import type { FuzzReport } from './runner.ts';
import { toSarif } from './sarif.ts';

/** `security/findings.json`: the dashboard's section entry, and every finding in full. */
export interface FindingsFile extends SectionEntry {
  seed: number;
  operations: FuzzReport['operations'] & { coveredCount: number };
  requests: number;
  msPer1000Requests: number;
  findingsInFull: Finding[];
}

export function findingsFile(report: FuzzReport, failOn: Severity): FindingsFile {
  const failing = atOrAbove(report.findings, failOn);
  const msPer1000Requests = report.requests ? Math.round((report.durationMs / report.requests) * 1000) : 0;
  return {
    title: 'Schema-driven fuzzing',
    verdict: failing.length ? 'failed' : report.findings.length ? 'warning' : 'passed',
    summary:
      `${report.operations.covered.length}/${report.operations.total} operations, ${report.requests} requests, ` +
      `${report.findings.length} findings (seed ${report.seed}; replay one with soundcheck fuzz --replay <id>)`,
    metrics: [
      { name: 'operations covered', value: report.operations.covered.length },
      { name: 'requests', value: report.requests },
      { name: 'server errors', value: report.serverErrors, budget: 0 },
      { name: 'time per 1,000 requests', value: msPer1000Requests, unit: 'ms' },
    ],
    findings: report.findings.map((finding) => ({
      severity: finding.severity,
      title: `${finding.owasp} ${finding.check}: ${finding.operation}`,
      detail: `${finding.message} [${finding.id}, CWE-${finding.cwe}, as ${finding.actor}]\n${finding.curl}`,
    })),
    seed: report.seed,
    operations: { ...report.operations, coveredCount: report.operations.covered.length },
    requests: report.requests,
    msPer1000Requests,
    findingsInFull: report.findings,
  };
}

/** Writes `security/<name>.json` and `security/<name>.sarif` under `runFolder`; returns their paths. */
export function writeSecurityReport(
  runFolder: string,
  report: FuzzReport,
  specUri: string,
  failOn: Severity,
  name = 'findings',
): string[] {
  const dir = path.join(runFolder, 'security');
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${name}.json`);
  const sarif = path.join(dir, `${name}.sarif`);
  writeFileSync(json, `${JSON.stringify(findingsFile(report, failOn), null, 2)}\n`);
  writeFileSync(sarif, `${JSON.stringify(toSarif(report.findings, specUri), null, 2)}\n`);
  return [json, sarif];
}
