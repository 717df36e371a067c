import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** `20261125-091500-a1b2`: sorts by start time, unique across machines running at once. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** The folder of one run — `reports/<run-id>/` — and `reports/latest` pointing at it. */
export function createRunFolder(reportDir: string, runId: string): string {
  const folder = path.resolve(reportDir, runId);
  mkdirSync(folder, { recursive: true });
  const latest = path.resolve(reportDir, 'latest');
  rmSync(latest, { force: true, recursive: false });
  symlinkSync(runId, latest, 'dir');
  return folder;
}
