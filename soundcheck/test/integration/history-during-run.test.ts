import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openHistory } from '../../src/history/store.ts';
import { freePort } from '../../src/services/free-port.ts';
import { storeHistory } from '../support/constructed-history.ts';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const runner = fileURLToPath(new URL('../support/run-in-progress.ts', import.meta.url));
const parent = mkdtempSync(path.join(tmpdir(), 'soundcheck-during-run-'));
const dir = path.join(parent, 'history');
// The five processes below queue for the embedded store one after another, each holding it while PGlite opens
// (up to ~30 s each on a loaded machine): the last in line can wait longer than the 60 s a user's command
// waits by default, and then exits 2 "in use" (seen at a calendar instant beside other work). The queue is
// this test's own making, so it lets readers wait out the whole queue, inside the test's limit.
const env = {
  ...process.env,
  SOUNDCHECK_HISTORY_URL: '',
  SOUNDCHECK_HISTORY_DIR: dir,
  SOUNDCHECK_HISTORY_WAIT_MS: '180000',
};

function soundcheck(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env, cwd: parent }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** Resolves when the child prints a line matching `ready`; rejects if it exits first. */
function readiness(child: ChildProcess, ready: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    });
    // A refusal is one line on stderr: without it a failure said only "exited (2)" and not why.
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before ${ready}; output: ${output}`)));
  });
}

// Five CLI processes and a server beside a run, each opening the embedded history in turn: a busy 2-core
// machine needs a minute or more. The limit guards against a reader that waits forever for the run.
describe('the embedded history while a run is going', {
  tags: ['integration', 'reporting'],
  timeout: 240_000,
}, () => {
  beforeAll(async () => {
    const store = await openHistory({ dir });
    try {
      await storeHistory(store, [
        { commit: 'a', tests: { steady: 'passed', flipper: 'passed' } },
        { commit: 'a', tests: { steady: 'passed', flipper: 'failed' } },
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  test('history, flaky, trends, compare and serve answer, and the run still records itself', async () => {
    const run = spawn(process.execPath, [runner, 'run-in-progress'], {
      env,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    await readiness(run, /^recording$/m);

    const port = await freePort();
    const serve = spawn(process.execPath, [cli, 'serve', '--port', String(port)], { env, cwd: parent });
    const served = readiness(serve, /✓ serving/);
    try {
      const [history, flaky, trends, compare] = await Promise.all([
        soundcheck(['history']),
        soundcheck(['flaky']),
        soundcheck(['trends']),
        soundcheck(['compare', 'previous', 'latest']),
      ]);
      expect([history.status, flaky.status, trends.status, compare.status]).toEqual([0, 0, 0, 1]);
      expect(history.stdout).toMatch(/run-in-progress\s+\S+ \S+\s+running\b/);
      expect(flaky.stdout).toContain('flipper');
      expect(compare.stdout).toMatch(/^run-000 → run-001$/m); // the finished runs, not the one going
      await served;
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect([page.status, (await page.text()).includes('run-in-progress')]).toEqual([200, true]);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);

      // The run ends while serve is still up: it records its results and verdict.
      const finished = readiness(run, /^finished$/m);
      run.stdin?.end();
      await finished;
      const after = await soundcheck(['history']);
      expect(after.stdout).toMatch(/run-in-progress\s+\S+ \S+\s+passed\s+2\s+0\b/);
    } finally {
      serve.kill('SIGTERM');
      run.kill('SIGKILL');
    }
  });
});
