import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.ts';

export interface CliOutcome {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliCase {
  env?: Record<string, string>;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI's main function in this process, in its own empty folder and history, with its stdout and
 * stderr captured: what a spawned `soundcheck` would print and its exit code, without a Node start-up per
 * case. The folder, environment and streams are the process's own, so calls take turns.
 */
export function soundcheckInProcess(args: string[], { env = {} }: CliCase = {}): Promise<CliOutcome> {
  const turn = queue.then(() => runAlone(args, env));
  queue = turn.catch(() => {});
  return turn;
}

async function runAlone(args: string[], env: Record<string, string>): Promise<CliOutcome> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'soundcheck-cli-case-'));
  const caseEnv = { SOUNDCHECK_HISTORY_URL: '', SOUNDCHECK_HISTORY_DIR: path.join(cwd, 'history'), ...env };
  const restoreEnv = setEnv(caseEnv);
  const previousCwd = process.cwd();
  const captured = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = ((chunk: string | Uint8Array) => {
    captured.stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    captured.stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  process.chdir(cwd);
  try {
    const status = await main(args);
    return { status, ...captured };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.chdir(previousCwd);
    restoreEnv();
    rmSync(cwd, { recursive: true, force: true });
  }
}

function setEnv(values: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
