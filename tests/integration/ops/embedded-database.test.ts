import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migratedTemplate, openEmbeddedDatabase } from '@soundcheck/api/db/embedded.ts';
import { loadMigrations } from '@soundcheck/api/db/migrate.ts';
import { describe, expect, it } from 'vitest';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'soundcheck-embedded-'));

describe('the embedded database (npm start without DATABASE_URL)', () => {
  it('starts a new DATA_DIR from the migrated template, with every migration applied', async () => {
    const db = await openEmbeddedDatabase(path.join(scratch(), 'db'));
    try {
      const rows = await db.query<{ version: string }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((row) => row.version)).toEqual(loadMigrations().map((migration) => migration.version));
    } finally {
      await db.close();
    }
  });

  it('opens an existing DATA_DIR as it is: what was written survives a restart', async () => {
    const dir = path.join(scratch(), 'db');
    const first = await openEmbeddedDatabase(dir);
    await first.exec("INSERT INTO labels (id, name) VALUES (gen_random_uuid(), 'Kept across restarts')");
    await first.close();
    const again = await openEmbeddedDatabase(dir);
    try {
      const rows = await again.query<{ name: string }>('SELECT name FROM labels');
      expect(rows.map((row) => row.name)).toEqual(['Kept across restarts']);
    } finally {
      await again.close();
    }
  });

  // A template made here runs PostgreSQL's initdb, tens of seconds on a busy machine (the limit is for that).
  it('makes the template once per schema and reads it back from the cache', {
    timeout: 120_000,
  }, async () => {
    const file = path.join(scratch(), 'template.tar.gz');
    const made = await migratedTemplate(file);
    const cached = await migratedTemplate(file);
    expect(Buffer.from(await cached.arrayBuffer()).equals(Buffer.from(await made.arrayBuffer()))).toBe(true);
  });
});
