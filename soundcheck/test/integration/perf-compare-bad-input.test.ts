import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { perfCommand } from '../../src/cli/perf.ts';
import { UsageError } from '../../src/cli/run-command.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cli = path.join(repo, 'soundcheck/src/cli.ts');

function perf(...args: string[]) {
  const reports = mkdtempSync(path.join(tmpdir(), 'perf-compare-'));
  const result = spawnSync(process.execPath, [cli, 'perf', ...args, '--report-dir', reports], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { ...result, reported: existsSync(path.join(reports, 'perf-compare')) };
}

describe('soundcheck perf compare, bad input', { tags: ['integration', 'harness', 'performance'] }, () => {
  test('a baseline ref that does not exist: one line naming it, exit 2, nothing reported', () => {
    const { status, stderr, stdout, reported } = perf('compare', 'no-such-branch-4242');
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      'soundcheck perf compare: "no-such-branch-4242" is not a commit of this repository (try a branch, a tag or a sha)',
    ]);
    expect(stdout).not.toContain('ratio');
    expect(reported).toBe(false);
  });

  test('a candidate ref that does not exist is refused before the baseline is built', async () => {
    const reports = mkdtempSync(path.join(tmpdir(), 'perf-compare-'));
    const written: string[] = [];
    const spy = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => written.push(String(chunk)) > 0);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await perfCommand(['compare', 'HEAD', 'no-such-tag-4242', '--report-dir', reports])).toBe(2);
    } finally {
      spy.mockRestore();
      stdout.mockRestore();
    }
    expect(written.join('')).toContain('"no-such-tag-4242" is not a commit');
    expect(existsSync(path.join(reports, 'perf-compare'))).toBe(false);
  });

  test.for([
    [['compare', 'HEAD', '--pairs', '1'], '--pairs takes a whole number ≥ 2'],
    [['compare', 'HEAD', '--metric', 'wall'], '--metric takes latency or cpu'],
    [['compare', 'HEAD', 'HEAD~1', '--aa'], '--aa compares the baseline with itself: give one ref'],
    [['compare', 'HEAD', '--alpha', '5'], '--alpha takes a number between 0 and 1'],
    [['bisect'], 'unknown perf command "bisect"'],
  ] as const)('%j is a usage error naming the fix', async ([args, message]) => {
    await expect(perfCommand([...args])).rejects.toThrow(new UsageError(message).message);
  });
});
