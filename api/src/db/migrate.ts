import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.ts';

/** A migration file `NNNN_name.sql` holds a `-- migrate:up` section and a `-- migrate:down` section. */
export interface Migration {
  version: string;
  name: string;
  up: string;
  down: string;
}

export const migrationsDir = path.resolve(import.meta.dirname, '../../migrations');

function parse(file: string, text: string): Migration {
  const match = /^(\d{4})_(.+)\.sql$/.exec(file);
  const upAt = text.indexOf('-- migrate:up');
  const downAt = text.indexOf('-- migrate:down');
  if (!match || upAt < 0 || downAt < upAt) {
    throw new Error(
      `migration ${file} must be named NNNN_name.sql with "-- migrate:up" then "-- migrate:down"`,
    );
  }
  return {
    version: match[1]!,
    name: match[2]!,
    up: text.slice(upAt, downAt).trim(),
    down: text.slice(downAt).trim(),
  };
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => parse(file, readFileSync(path.join(dir, file), 'utf8')));
}

async function ensureTable(db: Database): Promise<Set<string>> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const rows = await db.query<{ version: string }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

/** Applies every pending migration, each in its own transaction; returns the versions applied. */
export async function migrateUp(db: Database, migrations = loadMigrations()): Promise<string[]> {
  const applied = await ensureTable(db);
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await db.exec(
      `BEGIN;\n${migration.up}\n;INSERT INTO schema_migrations (version, name) VALUES ('${migration.version}', '${migration.name}');\nCOMMIT;`,
    );
    done.push(migration.version);
  }
  return done;
}

/** Reverts the newest `steps` applied migrations; returns the versions reverted. */
export async function migrateDown(db: Database, steps = 1, migrations = loadMigrations()): Promise<string[]> {
  const applied = await ensureTable(db);
  const reverted: string[] = [];
  for (const migration of [...migrations].reverse()) {
    if (reverted.length === steps) break;
    if (!applied.has(migration.version)) continue;
    await db.exec(
      `BEGIN;\n${migration.down}\n;DELETE FROM schema_migrations WHERE version = '${migration.version}';\nCOMMIT;`,
    );
    reverted.push(migration.version);
  }
  return reverted;
}
