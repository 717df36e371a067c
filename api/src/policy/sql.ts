import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { VisibilityFilter } from './authorize.ts';

/** The columns of a table that visibility filters name; a filter on a missing column is a bug. */
export type VisibilityColumns = Partial<Record<keyof VisibilityFilter, AnyPgColumn>>;

/** The SQL condition selecting the rows that any one of `filters` makes visible (none: no rows). */
export function visibleWhere(filters: VisibilityFilter[], columns: VisibilityColumns): SQL | undefined {
  if (filters.length === 0) return sql`false`;
  const parts = filters.map((filter) => {
    const conditions = Object.entries(filter).map(([name, value]) => {
      const column = columns[name as keyof VisibilityFilter];
      if (!column) throw new Error(`visibility filter on ${name}, which this table does not have`);
      return value === null ? sql`false` : eq(column, value);
    });
    return conditions.length ? and(...conditions) : sql`true`;
  });
  return parts.length === 1 ? parts[0] : or(...parts);
}
