import * as schema from '@soundcheck/api/tables.ts';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, test } from '../../utils/test.ts';

interface Column {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  has_default: boolean;
}

describe('Drizzle tables', { tags: ['integration', 'database'] }, () => {
  test('declare exactly the columns, nullability and defaults that the migrations create', async ({ db }) => {
    const tables = Object.values(schema).filter((value) => is(value, PgTable));
    const declared = tables
      .flatMap((table) => {
        const config = getTableConfig(table);
        return config.columns.map((column) => ({
          table_name: config.name,
          column_name: column.name,
          is_nullable: column.notNull ? 'NO' : 'YES',
          has_default: column.hasDefault,
        }));
      })
      .sort((a, b) => `${a.table_name}.${a.column_name}`.localeCompare(`${b.table_name}.${b.column_name}`));
    const names = tables.map((table) => getTableConfig(table).name);
    const actual = (
      await db.query<Column>(
        `SELECT table_name, column_name, is_nullable, column_default IS NOT NULL AS has_default
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`,
        [names],
      )
    ).sort((a, b) => `${a.table_name}.${a.column_name}`.localeCompare(`${b.table_name}.${b.column_name}`));
    expect(actual).toEqual(declared);
  });

  test('cover every table the migrations create', async ({ db }) => {
    const declared = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableConfig(table).name)
      .sort();
    const created = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name`,
    );
    expect(created.map((row) => row.table_name).sort()).toEqual(declared);
  });
});
