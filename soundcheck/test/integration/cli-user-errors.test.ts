import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { verbs as verbTable } from '../../src/cli/verbs.ts';
import { soundcheckInProcess as soundcheck } from '../support/in-process-cli.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as its own process in an empty folder and history: the process-level contract (exit code,
 * nothing after the line) that the in-process cases cannot see. The folder goes when the CLI has answered.
 */
async function soundcheckProcess(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'soundcheck-cli-case-'));
  try {
    return await answer(cwd, args, env);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function answer(cwd: string, args: string[], env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd,
        env: {
          ...process.env,
          SOUNDCHECK_HISTORY_URL: '',
          SOUNDCHECK_HISTORY_DIR: path.join(cwd, 'history'),
          ...env,
        },
      },
      (error, stdout, stderr) => resolve({ status: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

const stackLine = /^\s+at /m;

const oneLineExit2 = { status: 2, lines: 1, stack: false };
const shape = ({ status, stderr }: { status: number | null; stderr: string }) => ({
  status,
  lines: stderr.trimEnd().split('\n').length,
  stack: stackLine.test(stderr),
});

// The cases run the CLI's main function in this process (a Node start-up per case cost a busy 2-core
// machine over a minute); the two cases just below spawn it, so the exit code and streams stay proven.
describe('soundcheck as a process answers a user error in one line and exit 2', {
  tags: ['integration', 'harness'],
  timeout: 60_000,
}, () => {
  test.concurrent('an unknown verb', async () => {
    const outcome = await soundcheckProcess(['histroy']);
    expect(shape(outcome)).toEqual(oneLineExit2);
    expect(outcome.stderr).toBe('soundcheck: unknown verb "histroy"; soundcheck --help lists them\n');
  });

  test.concurrent("a verb's own usage error", async () => {
    const outcome = await soundcheckProcess(['history', '--limit', '0']);
    expect(shape(outcome)).toEqual(oneLineExit2);
    expect(outcome.stderr).toBe('soundcheck history: --limit takes a whole number ≥ 1\n');
  });
});

// Most verbs open an embedded history; the limit guards against a verb that hangs instead of answering.
describe('soundcheck verbs answer a user error in one line', {
  tags: ['integration', 'harness'],
  timeout: 60_000,
}, () => {
  test.each<[string, string[], RegExp]>([
    ['run', ['run', '--category', 'nope'], /^soundcheck run: unknown category nope; choose from unit, /],
    ['test', ['test', '--seed', 'abc'], /^soundcheck test: --seed takes a whole number$/],
    ['test', ['test', '--max-workers', '0'], /^soundcheck test: --max-workers takes a whole number ≥ 1$/],
    [
      'report',
      ['report', 'no-such-run'],
      /^soundcheck report: no results\.json in reports\/no-such-run; give /,
    ],
    ['history', ['history', '--limit', '0'], /^soundcheck history: --limit takes a whole number ≥ 1$/],
    ['flaky', ['flaky', '--window', 'x'], /^soundcheck flaky: --window takes a whole number ≥ 1$/],
    [
      'trends',
      ['trends', '--bogus'],
      /^soundcheck trends: Unknown option '--bogus'.*; --help lists the options$/,
    ],
    [
      'compare',
      ['compare', 'nope1', 'nope2'],
      /^soundcheck compare: no run nope1 in the history; soundcheck history lists/,
    ],
    ['merge', ['merge', 'only-one'], /^soundcheck merge: usage: soundcheck merge <shard run folder or id>/],
    ['serve', ['serve', '--port', 'eighty'], /^soundcheck serve: --port takes a whole number ≥ 1$/],
    [
      'doctor',
      ['doctor', '--fix'],
      /^soundcheck doctor: Unknown option '--fix'.*; --help lists the options$/,
    ],
    ['shards', ['shards'], /^soundcheck shards: --count <n> is required, e\.g\. --count 4$/],
    [
      'shards --by',
      ['shards', '--count', '4', '--by', 'size'],
      /^soundcheck shards: --by size is not a split; choose duration or count$/,
    ],
    ['load', ['load', 'ftp://nowhere'], /^soundcheck load: /],
    ['an unknown verb', ['histroy'], /^soundcheck: unknown verb "histroy"; soundcheck --help lists them$/],
  ])('%s', async (_verb, args, line) => {
    const outcome = await soundcheck(args);
    expect(shape(outcome)).toEqual(oneLineExit2);
    expect(outcome.stderr.trimEnd()).toMatch(line);
  });

  test('an unreachable history names it and how to fix it', async () => {
    const { status, stderr } = await soundcheck(['history'], {
      env: { SOUNDCHECK_HISTORY_URL: 'postgres://postgres@127.0.0.1:1/history' },
    });
    expect([status, stderr]).toEqual([
      2,
      expect.stringMatching(
        /^soundcheck history: the history at 127\.0\.0\.1:1 is unreachable \(ECONNREFUSED .*\): start PostgreSQL there, or fix SOUNDCHECK_HISTORY_URL\n$/,
      ),
    ]);
  });

  test('a history held by another process past the wait says who holds it', async ({ onTestFinished }) => {
    const holder = mkdtempSync(path.join(tmpdir(), 'soundcheck-cli-locked-'));
    onTestFinished(() => rmSync(holder, { recursive: true, force: true }));
    const dir = path.join(holder, 'history');
    mkdirSync(dir);
    writeFileSync(`${dir}.lock`, String(process.pid)); // this test process: alive for the whole case
    const { status, stderr } = await soundcheck(['flaky'], {
      env: { SOUNDCHECK_HISTORY_DIR: dir, SOUNDCHECK_HISTORY_WAIT_MS: '200' },
    });
    expect([status, stderr]).toEqual([
      2,
      `soundcheck flaky: ${dir} is in use by process ${process.pid}; try again when it is done, or set SOUNDCHECK_HISTORY_URL to share a PostgreSQL history\n`,
    ]);
  });

  test('a port already taken is a user error for serve', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const { status, stderr } = await soundcheck(['serve', '--port', String(port)]);
    taken.close();
    expect([status, stderr]).toEqual([
      2,
      `soundcheck serve: listen EADDRINUSE: address already in use 127.0.0.1:${port}: the port is taken; choose another with --port\n`,
    ]);
  });

  test('--debug adds the stack trace to the same line', async () => {
    const { status, stderr } = await soundcheck(['compare', 'nope1', 'nope2', '--debug'], {});
    expect(status).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^soundcheck compare: no run nope1 in the history/);
    expect(stderr).toMatch(stackLine);
  });
});

describe('soundcheck --help', { tags: ['integration', 'harness'], timeout: 30_000 }, () => {
  test('lists every verb once', async () => {
    const { status, stdout } = await soundcheck(['--help']);
    const verbs = stdout
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(status).toBe(0);
    // Each verb once, in the table's order (the help once listed compare, merge and serve twice).
    expect(verbs).toEqual(Object.keys(verbTable));
  });

  test.each(Object.keys(verbTable))(
    'soundcheck %s --help shows its usage and one example, and does nothing else',
    async (verb) => {
      const { status, stdout } = await soundcheck([verb, '--help']);
      expect(status).toBe(0);
      expect(stdout).toMatch(new RegExp(`^soundcheck ${verb} — .+\\nusage: soundcheck ${verb}\\b`));
      expect(stdout).toMatch(new RegExp(`\\nexample:\\n  npx soundcheck ${verb}\\b[^\\n]*\\n$`));
    },
  );
});
