import { readdirSync, readFileSync } from 'node:fs';
import type { Sql } from './sql.ts';

const folder = new URL('./migrations/', import.meta.url);

interface Migration {
  version: string;
  up: string;
  down: string;
}

function loadMigrations(): Migration[] {
  return readdirSync(folder)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, folder), 'utf8');
      const [, up = '', down = ''] = text.split(/^-- migrate:(?:up|down)\s*$/m);
      return { version: name.replace(/\.sql$/, ''), up, down };
    });
}

/** Brings the history schema up to date; parallel runs on one server take turns (advisory lock). */
export function migrateHistory(db: Sql): Promise<string[]> {
  return db.session(async (sql) => {
    const locked = sql.backend === 'postgres';
    if (locked) await sql.query("SELECT pg_advisory_lock(hashtext('soundcheck_history_migrations'))");
    try {
      await sql.exec(
        'CREATE TABLE IF NOT EXISTS history_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set(
        (await sql.query<{ version: string }>('SELECT version FROM history_migrations')).map(
          (row) => row.version,
        ),
      );
      const applied: string[] = [];
      for (const migration of loadMigrations()) {
        if (done.has(migration.version)) continue;
        await sql.exec(
          `BEGIN;\n${migration.up}\nINSERT INTO history_migrations (version) VALUES ('${migration.version}');\nCOMMIT;`,
        );
        applied.push(migration.version);
      }
      return applied;
    } finally {
      if (locked) await sql.query("SELECT pg_advisory_unlock(hashtext('soundcheck_history_migrations'))");
    }
  });
}
