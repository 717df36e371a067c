import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { historyServer } from '../../src/metrics/server.ts';
import { storeHistory } from '../support/constructed-history.ts';
import { type ThrowawayHistory, throwawayHistory } from '../support/history-databases.ts';

describe('soundcheck serve', { tags: ['integration', 'reporting'] }, () => {
  let history: ThrowawayHistory;
  let base: string;
  let ids: string[];
  const reportDir = mkdtempSync(path.join(tmpdir(), 'soundcheck-serve-'));
  const server = { close: () => {} } as { close: () => void };

  beforeAll(async () => {
    history = await throwawayHistory('pglite');
    ids = await storeHistory(history.store, [
      { commit: 'a', tests: { steady: 'passed', flipper: 'passed' } },
      { commit: 'a', tests: { steady: 'passed', flipper: 'failed' } },
    ]);
    mkdirSync(path.join(reportDir, ids[1]!));
    writeFileSync(path.join(reportDir, ids[1]!, 'index.html'), '<h1>run page</h1>');
    const http = historyServer((work) => work(history.store), reportDir);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    server.close = () => http.close();
  });
  afterAll(async () => {
    server.close();
    await history.drop();
    rmSync(reportDir, { recursive: true, force: true });
  });

  test('exposes the newest run, the verdicts and the flaky count on /metrics', async () => {
    const response = await fetch(`${base}/metrics`);
    const lines = (await response.text())
      .split('\n')
      .filter((line) => /^soundcheck_(runs|last_run_tests|flaky_tests|last_run_failure_ratio)\b/.test(line));
    expect(lines.sort()).toEqual([
      'soundcheck_flaky_tests{environment="test"} 1',
      'soundcheck_last_run_failure_ratio{environment="test"} 0.5',
      'soundcheck_last_run_tests{status="failed",environment="test"} 1',
      'soundcheck_last_run_tests{status="flaky",environment="test"} 0',
      'soundcheck_last_run_tests{status="passed",environment="test"} 1',
      'soundcheck_last_run_tests{status="skipped",environment="test"} 0',
      'soundcheck_runs{verdict="failed",environment="test"} 1',
      'soundcheck_runs{verdict="passed",environment="test"} 1',
    ]);
  });

  test('serves the history page, run folders, and nothing outside the report directory', async () => {
    const page = await (await fetch(`${base}/`)).text();
    expect(page).toContain(`<a href="/runs/${ids[1]}/index.html">${ids[1]}</a>`);
    const run = await fetch(`${base}/runs/${ids[1]}/index.html`);
    expect([run.status, await run.text()]).toEqual([200, '<h1>run page</h1>']);
    const outside = await fetch(`${base}/runs/..%2F..%2Fetc%2Fpasswd`);
    expect(outside.status).toBe(404);
  });
});
