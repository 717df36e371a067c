import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { opener } from '../../src/cli/open.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

function soundcheckOpen(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [cli, 'open', ...args], { env, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe('soundcheck open', { tags: ['integration', 'reporting'], timeout: 60_000 }, () => {
  const reports = mkdtempSync(path.join(tmpdir(), 'soundcheck-open-'));
  const run = path.join(reports, '20261203-120000-abcd');
  mkdirSync(run);
  writeFileSync(path.join(run, 'results.json'), '{}');
  writeFileSync(path.join(run, 'index.html'), '<!doctype html>');
  const headless = { PATH: process.env.PATH, HOME: process.env.HOME };

  test('without a display it prints the dashboard’s file:// URL', async () => {
    const { status, stdout } = await soundcheckOpen(
      ['20261203-120000-abcd', '--report-dir', reports],
      headless,
    );
    expect([status, stdout]).toEqual([0, `${pathToFileURL(path.join(run, 'index.html')).href}\n`]);
  });

  test('a run that is not there is one line naming the fix, exit 2', async () => {
    const { status, stdout, stderr } = await soundcheckOpen(['nope', '--report-dir', reports], headless);
    expect([status, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      `soundcheck open: no results.json in ${path.join(reports, 'nope')}; give a run folder or a run id under ${reports}/\n`,
    );
  });

  test('the opener is the desktop’s: open on macOS, xdg-open with a display, none without', () => {
    expect(opener('darwin', {})).toBe('open');
    expect(opener('linux', { DISPLAY: ':0' })).toBe('xdg-open');
    expect(opener('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe('xdg-open');
    expect(opener('linux', {})).toBeNull();
  });
});
