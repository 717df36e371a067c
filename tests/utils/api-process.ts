import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROCESS_START_LIMIT_MS } from './child.ts';

const server = path.resolve(import.meta.dirname, '../../api/src/server.ts');

export interface ApiProcess {
  child: ChildProcess;
  /** Base URL once the server listens. */
  url: string;
  stdout: () => string;
  /** What it wrote to stderr so far: the service log's JSON lines (`api/src/log.ts`). */
  stderr: () => string;
  stop(): Promise<number | null>;
}

const CLOCK_VARIABLES = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC', 'TZ'];

/**
 * The run's clock and zone, to pass on when set: under `npm run test:calendar` libfaketime's preload and
 * offset and the instant's TZ, so a server or worker the test starts shares the run's time (without them it
 * ran on the real clock, and its delivery events sorted before the test's).
 */
export function runClockEnv(): Record<string, string> {
  return Object.fromEntries(
    CLOCK_VARIABLES.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
}

/** The environment of a bare machine: no services configured, its own data directory. */
export function bareEnv(extra: Record<string, string> = {}): Record<string, string> {
  const { PATH = '', HOME = '' } = process.env;
  return {
    PATH,
    HOME,
    ...runClockEnv(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'soundcheck-api-')),
    PORT: '0',
    ...extra,
  };
}

/** Runs the server to completion (it is expected to refuse to start); returns its exit code and stderr. */
export function runToExit(
  env: Record<string, string>,
  timeoutMs = PROCESS_START_LIMIT_MS,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [server], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** Starts the real server as its own process and waits until it listens. */
export function startApiProcess(
  env: Record<string, string>,
  timeoutMs = PROCESS_START_LIMIT_MS,
  /** Another copy of the API (the effectiveness runs start patched copies). */
  script = server,
): Promise<ApiProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not listen within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (!listening?.[1]) return;
      clearTimeout(timer);
      resolve({
        child,
        url: listening[1],
        stdout: () => stdout,
        stderr: () => stderr,
        stop: () =>
          new Promise((done) => {
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening; stderr: ${stderr}`));
    });
  });
}
