import { loadMigrations } from '@soundcheck/api/db/migrate.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('each test file gets its own database and Redis namespace', {
  tags: ['integration', 'harness'],
}, () => {
  test('the database is a migrated clone of the template, private to this file', async ({ db, services }) => {
    const [{ name } = { name: '' }] = await db.query<{ name: string }>('SELECT current_database() AS name');
    if (db.backend === 'postgres') expect(name.startsWith(services.clonePrefix)).toBe(true);
    const applied = await db.query<{ version: string }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(applied.map((row) => row.version)).toEqual(loadMigrations().map((migration) => migration.version));
  });

  test('rows written here are visible here and start from nothing', async ({ db }) => {
    await db.exec(
      `INSERT INTO labels (id, name) VALUES ('00000000-0000-7000-8000-000000000001', 'Isolation Records')`,
    );
    const rows = await db.query<{ name: string }>(
      `SELECT name FROM labels WHERE id = '00000000-0000-7000-8000-000000000001'`,
    );
    expect(rows).toEqual([{ name: 'Isolation Records' }]);
  });

  test('Redis keys are namespaced by a prefix of this file', async ({ deps, services }) => {
    const { redis } = deps;
    const prefix = String(redis.options.keyPrefix);
    expect(prefix).toMatch(new RegExp(`^t:${services.runToken}:\\d+:[0-9a-f]{6}:$`));
    await redis.set('probe', 'mine');
    expect(await redis.get('probe')).toBe('mine');
  });
});
