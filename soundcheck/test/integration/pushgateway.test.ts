import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { startPushgateway } from '../support/pushgateway.ts';
import { systemBinaryMissing } from '../support/system-binary.ts';

const script = fileURLToPath(new URL('../support/run-fixture-suite.ts', import.meta.url));

describe('pushing a run to a Pushgateway', { tags: ['integration', 'reporting'], timeout: 60_000 }, () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'soundcheck-push-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  /** The fixture suite run to its end, as `soundcheck run` ends, with SOUNDCHECK_PUSHGATEWAY_URL set. */
  const runPushingTo = (url: string) => {
    const folder = mkdtempSync(path.join(parent, 'run-'));
    const output = execFileSync(process.execPath, [script, folder], {
      encoding: 'utf8',
      env: { ...process.env, SOUNDCHECK_QUIET: '1', SOUNDCHECK_PUSHGATEWAY_URL: url },
    });
    return { output, folder };
  };

  test("the end of a run pushes its tests, verdict and timings, which the Pushgateway's /metrics serves", async (ctx) => {
    const missing = systemBinaryMissing('prometheus-pushgateway', 'prometheus-pushgateway');
    if (missing) return ctx.skip(missing);
    const gateway = await startPushgateway();
    ctx.onTestFinished(() => gateway.stop());

    expect(runPushingTo(gateway.url).output).toContain(`✓ metrics pushed to ${new URL(gateway.url).host}\n`);

    const served = (await (await fetch(`${gateway.url}/metrics`)).text())
      .split('\n')
      .filter((line) => line.startsWith('soundcheck_'))
      // Timings vary from run to run: keep their names, and that they are above zero.
      .map((line) => {
        const [series, value] = line.split(' ');
        return series?.includes('_seconds{') && Number(value) > 0 ? `${series} <positive>` : line;
      })
      .sort();
    const labels = 'environment="fixture",instance="",job="soundcheck"';
    expect(served).toEqual([
      `soundcheck_last_run_duration_seconds{${labels}} <positive>`,
      `soundcheck_last_run_failure_ratio{${labels}} 0.7142857142857143`,
      `soundcheck_last_run_test_duration_p95_seconds{${labels}} <positive>`,
      `soundcheck_last_run_tests{${labels},status="failed"} 5`,
      `soundcheck_last_run_tests{${labels},status="flaky"} 1`,
      `soundcheck_last_run_tests{${labels},status="passed"} 1`,
      `soundcheck_last_run_tests{${labels},status="skipped"} 2`,
      `soundcheck_last_run_timestamp_seconds{${labels}} <positive>`,
      `soundcheck_runs{${labels},verdict="failed"} 1`,
    ]);
  });

  test('a Pushgateway that cannot be reached is reported, and the run still ends with its folder', () => {
    // Port 9 (discard) is closed on the test machine.
    const { output, folder } = runPushingTo('http://127.0.0.1:9');
    expect(output).toMatch(/ {2}! could not push metrics to http:\/\/127\.0\.0\.1:9: .+\n/);
    expect(readdirSync(folder).sort()).toEqual([
      'errors.json',
      'index.html',
      'junit.xml',
      'results.json',
      'summary.json',
    ]);
  });
});
