import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const patchesDir = path.join(import.meta.dirname, 'patches');

export interface BugPatch {
  name: string;
  area: string;
  bug: string;
  file: string;
}

/** The patches of `tests/effectiveness/patches/`: `Area:` and `Bug:` lines, then a `git diff` of `api/`. */
export function readPatches(): BugPatch[] {
  return readdirSync(patchesDir)
    .filter((file) => file.endsWith('.patch'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(patchesDir, file), 'utf8');
      const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(text)?.[1]?.trim() ?? '';
      return { name: file.replace(/\.patch$/, ''), area: field('Area'), bug: field('Bug'), file };
    });
}

/** The patches that no longer apply to this checkout's `api/` (it changed under them), with git's reason. */
export function stalePatches(patches: BugPatch[]): Array<{ name: string; reason: string }> {
  return patches.flatMap((patch) => {
    try {
      execFileSync('git', ['apply', '--check', path.join(patchesDir, patch.file)], {
        cwd: root,
        stdio: 'pipe',
      });
      return [];
    } catch (error) {
      const reason = String((error as { stderr?: Buffer }).stderr ?? '').split('\n')[0] ?? '';
      return [{ name: patch.name, reason }];
    }
  });
}

export interface ApiCopy {
  serverScript: string;
  remove(): void;
}

/**
 * A throw-away copy of `api/` (this checkout's, uncommitted changes included) beside a link to the
 * installed `node_modules`, with `patch` applied when given: the API a black-box run then starts.
 */
export function apiCopy(patch: BugPatch | null): ApiCopy {
  const dir = mkdtempSync(path.join(tmpdir(), `soundcheck-effectiveness-${patch?.name ?? 'control'}-`));
  cpSync(path.join(root, 'api'), path.join(dir, 'api'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.includes(`${path.sep}.data`),
  });
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (patch) {
    // `git apply` outside a repository applies to plain files; --check first so a stale patch says so.
    const file = path.join(patchesDir, patch.file);
    try {
      execFileSync('git', ['apply', '--check', file], { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(
        `${patch.file} no longer applies to api/: ${(error as { stderr?: Buffer }).stderr ?? ''}`,
      );
    }
    execFileSync('git', ['apply', file], { cwd: dir, stdio: 'pipe' });
  }
  return {
    serverScript: path.join(dir, 'api/src/server.ts'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
