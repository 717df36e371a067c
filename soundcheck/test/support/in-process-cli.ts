import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { openHistory } from '../../src/history/store.ts';

export interface CliOutcome {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliCase {
  env?: Record<string, string>;
  /** Start from a copy of an empty, migrated history (seconds cheaper than creating one per case), unless the history directory exists. */
  migratedHistory?: boolean;
}

let queue: Promise<unknown> = Promise.resolve();
let template: Promise<string> | undefined;

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const migrations = path.join(repo, 'soundcheck/src/history/migrations');

/**
 * An empty, migrated history kept in the temp folder across runs, named by the hash of the migrations and
 * the lockfile (a new migration or PGlite makes a new one): creating one costs an initdb, tens of seconds
 * on a busy 2-core machine. Cases get their own copy, never this one. Built aside, then renamed into place,
 * so workers racing to build it never see half a history.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const hash = createHash('sha256');
    for (const file of readdirSync(migrations).sort()) hash.update(readFileSync(path.join(migrations, file)));
    hash.update(readFileSync(path.join(repo, 'package-lock.json')));
    const dir = path.join(tmpdir(), `soundcheck-history-template-${hash.digest('hex').slice(0, 16)}`);
    if (existsSync(dir)) return dir;
    const building = mkdtempSync(`${dir}-building-`);
    await (await openHistory({ dir: building })).close();
    try {
      renameSync(building, dir);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another worker's copy won
    }
    return dir;
  })();
  return template;
}

/**
 * Runs the CLI's main function in this process, in its own empty folder and history, with its stdout and
 * stderr captured: what a spawned `soundcheck` would print and its exit code, without a Node start-up per
 * case. The folder, environment and streams are the process's own, so calls take turns.
 */
export function soundcheckInProcess(
  args: string[],
  { env = {}, migratedHistory = false }: CliCase = {},
): Promise<CliOutcome> {
  const turn = queue.then(async () => runAlone(args, env, migratedHistory ? await migratedTemplate() : null));
  queue = turn.catch(() => {});
  return turn;
}

async function runAlone(
  args: string[],
  env: Record<string, string>,
  history: string | null,
): Promise<CliOutcome> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'soundcheck-cli-case-'));
  const caseEnv = { SOUNDCHECK_HISTORY_URL: '', SOUNDCHECK_HISTORY_DIR: path.join(cwd, 'history'), ...env };
  if (history && !existsSync(caseEnv.SOUNDCHECK_HISTORY_DIR))
    cpSync(history, caseEnv.SOUNDCHECK_HISTORY_DIR, { recursive: true });
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
