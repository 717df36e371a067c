import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openHistory } from '../../src/history/store.ts';

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
    try {
      await (await openHistory({ dir: building })).close();
      renameSync(building, dir);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(dir)) throw error; // otherwise another worker's template won the rename
    }
    return dir;
  })();
  return template;
}

/**
 * Builds the template if this machine has none yet: an initdb, up to a minute on a busy machine, so a file
 * calls it in `beforeAll` with its own limit (see `templateTimeoutMs`) rather than inside a test's.
 */
export async function prepareMigratedHistory(): Promise<void> {
  await migratedTemplate();
}

/** The `beforeAll` limit for `prepareMigratedHistory` on a machine without the template yet. */
export const templateTimeoutMs = 180_000;

/** An empty, migrated embedded history at `dir` (which must not exist yet), copied from the template. */
export async function copyMigratedHistory(dir: string): Promise<void> {
  cpSync(await migratedTemplate(), dir, { recursive: true });
}
