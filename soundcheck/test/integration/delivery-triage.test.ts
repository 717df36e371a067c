import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunResult } from '../../src/report/run-result.ts';
import { clusterSummary } from '../../src/triage/summary.ts';

const script = fileURLToPath(new URL('../support/run-fixture-suite.ts', import.meta.url));

// The planted test (fixtures/delivery-suite) drives two deliveries: 'Planted Records' over SFTP stalls in
// uploading, 'Second Spin' over S3 is acknowledged; it fails expecting both acknowledged.
describe('delivery triage on a planted failing delivery test', {
  tags: ['integration', 'reporting'],
  timeout: 60_000,
}, () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-delivery-triage-'));
  let result: RunResult;
  beforeAll(() => {
    // A child process: Vitest inside a Vitest worker would share its state.
    execFileSync(process.execPath, [script, folder, 'delivery-suite'], {
      stdio: 'pipe',
      env: { ...process.env, SOUNDCHECK_QUIET: '1' },
    });
    result = JSON.parse(readFileSync(path.join(folder, 'results.json'), 'utf8')) as RunResult;
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('the failure carries each delivery’s partner, transport and the stage it stopped at', () => {
    expect(result.tests.map(({ status, deliveries }) => ({ status, deliveries }))).toEqual([
      {
        status: 'failed',
        deliveries: [
          { partner: 'Planted Records', transport: 'sftp', stage: 'uploading' },
          { partner: 'Second Spin', transport: 's3', stage: 'acknowledged' },
        ],
      },
    ]);
  });

  test('the CLI summary shows them under the failure', () => {
    expect(clusterSummary(result.tests).slice(2)).toEqual([
      '      delivery: Planted Records · sftp · stopped at uploading',
      '      delivery: Second Spin · s3 · stopped at acknowledged',
    ]);
  });

  test('the dashboard’s failure card shows them', () => {
    const card = readFileSync(path.join(folder, 'index.html'), 'utf8').match(
      /<details class="failure cluster"[\s\S]*?<\/summary>/,
    )?.[0];
    expect(card).toContain(
      '<span class="pill delivery">delivery: Planted Records · sftp · stopped at uploading</span>',
    );
    expect(card).toContain(
      '<span class="pill delivery">delivery: Second Spin · s3 · stopped at acknowledged</span>',
    );
  });
});
