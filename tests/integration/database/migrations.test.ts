import { loadMigrations, migrateDown, migrateUp } from '@soundcheck/api/db/migrate.ts';
import { describe, expect, test } from '../../utils/test.ts';

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: string;
}

describe('migrations', { tags: ['integration', 'database'] }, () => {
  test('every migration goes down and up again, leaving the same schema', async ({ db }) => {
    const snapshot = async () => ({
      columns: await db.query<Column>(
        `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'public' ORDER BY table_name, column_name`,
      ),
      indexes: await db.query(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`,
      ),
      constraints: await db.query(
        `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
         WHERE connamespace = 'public'::regnamespace ORDER BY conname`,
      ),
    });
    const before = await snapshot();
    const all = loadMigrations().map((migration) => migration.version);
    expect(await migrateDown(db, all.length)).toEqual([...all].reverse());
    const tables = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(['schema_migrations']);
    expect(await migrateUp(db)).toEqual(all);
    expect(await snapshot()).toEqual(before);
  });
});
