import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const nodeModules = path.resolve(import.meta.dirname, '../../../node_modules');
const pgliteVersion: string = JSON.parse(
  readFileSync(path.join(nodeModules, '@electric-sql/pglite/package.json'), 'utf8'),
).version;

/** A dump of a new, empty PGlite database, cached per PGlite version beside node_modules (as Babel caches). */
const initdbDump = path.join(nodeModules, `.cache/soundcheck/pglite-${pgliteVersion}-initdb.tar.gz`);

/** A new, empty PGlite database's dump: made by initdb once per PGlite version, then read from the cache. */
export async function emptyPglite(): Promise<Blob> {
  if (existsSync(initdbDump)) return new Blob([readFileSync(initdbDump)]);
  const fresh = await PGlite.create();
  try {
    const dump = (await fresh.dumpDataDir('gzip')) as Blob;
    mkdirSync(path.dirname(initdbDump), { recursive: true });
    // Under a unique name, then renamed: processes starting at once never read half a file.
    const partial = `${initdbDump}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, initdbDump);
    return dump;
  } finally {
    await fresh.close();
  }
}

/**
 * PGlite in `dir`: opened as it is, or, when new, started from a cached empty database. initdb is most of
 * the cost of a new embedded history (seconds, tens of them on a busy machine); it runs once per version.
 */
export async function openPgliteDir(dir: string): Promise<PGlite> {
  if (existsSync(path.join(dir, 'PG_VERSION'))) return PGlite.create(dir);
  return PGlite.create({ dataDir: dir, loadDataDir: await emptyPglite() });
}
