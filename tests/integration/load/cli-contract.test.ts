import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadReportFile } from 'soundcheck/load/index.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startChild } from '../../utils/child.ts';

const cli = fileURLToPath(new URL('../../../soundcheck/src/cli.ts', import.meta.url));
let server: Server;
let target: string;
let folder: string;

// A target that answers at once; every case gets a folder of its own under `folder`.
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  folder = mkdtempSync(path.join(tmpdir(), 'soundcheck-load-cli-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

/** `soundcheck load …` to its end: exit status and output. */
function load(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'load', ...args], { cwd: folder }, (error, stdout, stderr) =>
      resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

const reportDir = (name: string) => path.join(folder, name);
const readReport = (dir: string, scenario = 'url') =>
  JSON.parse(readFileSync(path.join(dir, 'performance', `${scenario}.json`), 'utf8')) as LoadReportFile;

describe('soundcheck load: the command-line contract', {
  tags: ['integration', 'harness'],
  timeout: 60_000,
}, () => {
  test('Ctrl-C stops the run cleanly: exit 130, and the results file is written with what ran', async () => {
    const dir = reportDir('interrupted');
    const child = startChild(cli, [
      'load',
      `${target}/`,
      '--rate',
      '50/s',
      '--duration',
      '60s',
      '--report-dir',
      dir,
    ]);
    try {
      // The first live line: the run is going and has measured a second.
      await child.printed(/^\s+1s\s+rate \d+\/50\/s/m, 30_000);
      const exited = new Promise<number | null>((resolve) => child.process.once('exit', resolve));
      child.process.kill('SIGINT');
      expect(await exited).toBe(130);
    } finally {
      await child.kill();
    }
    const report = readReport(dir);
    expect(report.load.summary.aborted).toBe('interrupted');
    expect(report.load.summary.overall.requests).toBeGreaterThan(0);
    expect(child.output()).toMatch(/stopping/);
    expect(child.output()).toMatch(/^result: .*url\.json$/m);
  });

  test('a failed threshold exits 99, and the summary names it with the value it saw', async () => {
    const dir = reportDir('threshold');
    const { status, stdout } = await load([
      `${target}/`,
      '--executor',
      'per-vu-iterations',
      '--vus',
      '2',
      '--iterations',
      '5',
      '--threshold',
      'http_req_duration: p(50)<0.001',
      '--report-dir',
      dir,
    ]);
    expect(status).toBe(99);
    expect(stdout).toMatch(/p\(50\)<0\.001/);
    const failed = readReport(dir).load.summary.thresholds.filter((t) => !t.ok);
    expect(failed).toEqual([expect.objectContaining({ metric: 'http_req_duration', rule: 'p(50)<0.001' })]);
  });

  test('a passed threshold exits 0', async () => {
    const { status } = await load([
      `${target}/`,
      '--executor',
      'per-vu-iterations',
      '--vus',
      '1',
      '--iterations',
      '3',
      '--threshold',
      'http_req_failed: rate<0.5',
      '--report-dir',
      reportDir('passed'),
    ]);
    expect(status).toBe(0);
  });

  const noScenario = () => {
    const file = path.join(folder, 'no-scenario.ts');
    writeFileSync(file, 'export const notAScenario = { name: "x" };\n');
    return file;
  };
  test.concurrent.each<[string, () => string[], RegExp]>([
    ['an unknown executor', () => [`${target}/`, '--executor', 'warp-speed'], /warp-speed/],
    ['an unknown option', () => [`${target}/`, '--bogus'], /--bogus/],
    [
      'a malformed threshold',
      () => [`${target}/`, '--rate', '10/s', '--threshold', 'http_req_duration: p95<<'],
      /threshold/,
    ],
    [
      'a threshold on a metric that does not exist',
      () => [`${target}/`, '--rate', '10/s', '--threshold', 'http_req_speed: avg<1'],
      /http_req_speed/,
    ],
    [
      'a file that exports no scenario',
      () => [noScenario()],
      /exports no scenario; export default defineScenario/,
    ],
    ['a file that does not exist', () => [path.join(folder, 'nope.ts')], /does not exist/],
    [
      'an unreachable target',
      () => ['http://127.0.0.1:1/', '--rate', '10/s'],
      /cannot reach http:\/\/127\.0\.0\.1:1 .*start the service or fix --target/,
    ],
    [
      'a Pushgateway that is not a URL',
      () => [`${target}/`, '--rate', '10/s', '--pushgateway', 'gateway:9091'],
      /--pushgateway takes the gateway's URL/,
    ],
    [
      'a target that is not loopback',
      () => ['http://192.0.2.1/', '--rate', '10/s'],
      /not loopback.*--allow-remote/,
    ],
  ])('%s: one line naming it, exit 2, nothing run', async (_case, args, line) => {
    const { status, stdout, stderr } = await load(args());
    expect({ status, lines: stderr.trimEnd().split('\n').length, stack: /^\s+at /m.test(stderr) }).toEqual({
      status: 2,
      lines: 1,
      stack: false,
    });
    expect(stderr).toMatch(/^soundcheck load: /);
    expect(stderr).toMatch(line);
    expect(stdout).toBe('');
  });

  test('bad input writes no results file', async () => {
    const dir = reportDir('bad');
    await load([`${target}/`, '--executor', 'warp-speed', '--report-dir', dir]);
    expect(existsSync(dir)).toBe(false);
  });
});
