import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { targetAdmin } from '../blackbox/target.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The tags of each area's black-box tests (`--quick` runs only these; the default runs them all). */
export const areaTags: Record<string, string> = {
  auth: 'auth',
  tenancy: 'tenancy',
  validation: 'catalog || identifiers',
  workflow: 'workflow',
  uploads: 'assets',
  partners: 'delivery',
  deliveries: 'delivery',
  lookup: 'lookup',
};

export interface BlackBoxOutcome {
  passed: number;
  failed: number;
  skipped: number;
  /** The full names of the failed tests: what caught the bug. */
  failures: string[];
}

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: Array<{ assertionResults: Array<{ status: string; fullName: string }> }>;
}

/** The black-box categories (e2e, security) in Vitest against `target`, optionally one tag expression. */
export async function runBlackBox(target: string, tagsFilter: string | null): Promise<BlackBoxOutcome> {
  const dir = mkdtempSync(path.join(tmpdir(), 'soundcheck-effectiveness-run-'));
  const output = path.join(dir, 'results.json');
  const args = [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'e2e',
    '--project',
    'security',
    '--reporter=json',
    `--outputFile.json=${output}`,
    ...(tagsFilter ? ['--tagsFilter', tagsFilter] : []),
  ];
  const env = {
    ...process.env,
    SOUNDCHECK_TARGET: target,
    SOUNDCHECK_QUIET: '1',
    BOOTSTRAP_ADMIN_EMAIL: targetAdmin.email,
    BOOTSTRAP_ADMIN_PASSWORD: targetAdmin.password,
  };
  const boundMinutes = 40;
  let timedOut = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
      // Bounded: a suite that hangs on a broken target is a failure to report, not a stuck command.
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, boundMinutes * 60_000);
      child.once('error', reject);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!existsSync(output))
      throw new Error(
        timedOut
          ? `the black-box suite did not finish within ${boundMinutes} min against ${target}`
          : `the black-box suite wrote no results against ${target} (Vitest failed to start?)`,
      );
    const report = JSON.parse(readFileSync(output, 'utf8')) as JsonReport;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests,
      failures: report.testResults.flatMap((file) =>
        file.assertionResults.filter((test) => test.status === 'failed').map((test) => test.fullName),
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
