import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { GateSetupError } from './gate-error.ts';

const run = promisify(execFile);

/** A source tree to measure: a commit checked out in its own worktree, or the working tree itself. */
export interface SourceTree {
  /** What the user named: a ref, or "working tree". */
  label: string;
  commit: string;
  dir: string;
  /** Removes the worktree (nothing for the working tree). */
  dispose(): Promise<void>;
}

async function git(repo: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', repo, ...args], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** The commit a ref names; a ref that names none is a setup error naming it. */
export async function resolveRef(repo: string, ref: string): Promise<string> {
  try {
    return await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new GateSetupError(`"${ref}" is not a commit of this repository (try a branch, a tag or a sha)`);
  }
}

const lockfile = (dir: string) => {
  const file = path.join(dir, 'package-lock.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
};

/**
 * Installs a worktree's dependencies. With the same lockfile as the working tree, its node_modules is
 * copied as hard links (seconds, no network); otherwise `npm ci`. Workspace links in node_modules are
 * relative, so the copy points at the worktree's own packages.
 */
async function install(dir: string, repo: string, label: string, log: (line: string) => void): Promise<void> {
  const ownModules = path.join(repo, 'node_modules');
  if (existsSync(ownModules) && lockfile(dir) !== null && lockfile(dir) === lockfile(repo)) {
    log(`  ${label}: same lockfile as the working tree, linking its node_modules`);
    try {
      await run('cp', ['-al', ownModules, path.join(dir, 'node_modules')]);
      return;
    } catch {
      rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
      cpSync(ownModules, path.join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
      return;
    }
  }
  log(`  ${label}: npm ci (its lockfile differs from the working tree's)`);
  try {
    await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? (error as Error).message)
      .split('\n')
      .find((line) => line.trim());
    throw new GateSetupError(`the worktree of ${label} does not install (npm ci: ${detail ?? 'failed'})`);
  }
}

/** Checks `ref` out in a fresh worktree under `.soundcheck/perf/` and installs it. */
export async function checkoutRef(
  repo: string,
  ref: string,
  log: (line: string) => void,
): Promise<SourceTree> {
  const commit = await resolveRef(repo, ref);
  const base = path.join(repo, '.soundcheck', 'perf', 'worktrees');
  mkdirSync(base, { recursive: true });
  const dir = path.join(base, `${commit.slice(0, 12)}-${process.pid}-${Date.now()}`);
  log(`  ${ref}: worktree of ${commit.slice(0, 12)}`);
  await git(repo, ['worktree', 'add', '--detach', '--quiet', dir, commit]);
  const dispose = async () => {
    await git(repo, ['worktree', 'remove', '--force', dir]).catch(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    await git(repo, ['worktree', 'prune']).catch(() => undefined);
  };
  try {
    await install(dir, repo, ref, log);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { label: ref, commit, dir, dispose };
}

/** The working tree as it is, uncommitted changes included. */
export async function workingTree(repo: string): Promise<SourceTree> {
  const commit = await git(repo, ['rev-parse', 'HEAD']);
  const dirty = (await git(repo, ['status', '--porcelain', '--untracked-files=no'])).length > 0;
  return {
    label: dirty ? 'working tree (uncommitted changes)' : 'working tree',
    commit,
    dir: repo,
    dispose: async () => {},
  };
}
