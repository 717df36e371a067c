import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Database, openPglite } from './database.ts';
import { loadMigrations, migrateUp } from './migrate.ts';

/** Where the migrated template is kept: the Node ecosystem's cache folder (as Babel and Terser use). */
const cacheDir = path.resolve(import.meta.dirname, '../../../node_modules/.cache/soundcheck');

/** Names the schema the migrations build: a template is reused only by the migrations that made it. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const migration of loadMigrations()) hash.update(`${migration.version}\n${migration.up}\n`);
  return hash.digest('hex').slice(0, 12);
}

/** The cached dump of a migrated embedded database; see `migratedTemplate`. */
export function templateFile(): string {
  return path.join(cacheDir, `pglite-${migrationsFingerprint()}.tar.gz`);
}

/**
 * A dump of a new, migrated embedded database, made once per schema and cached: a database started from
 * it skips PostgreSQL's initdb, which is most of a first start. Written under a unique name and renamed,
 * so processes starting at once never read half a file.
 */
export async function migratedTemplate(file = templateFile()): Promise<Blob> {
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const db = await openPglite(null);
  try {
    await migrateUp(db);
    const dump = await db.dump!();
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return dump;
  } finally {
    await db.close();
  }
}

/** The embedded database under `dir`: opened as it is, or, the first time, started from the template. */
export async function openEmbeddedDatabase(dir: string): Promise<Database> {
  if (existsSync(path.join(dir, 'PG_VERSION'))) return openPglite(dir);
  return openPglite(dir, await migratedTemplate());
}
