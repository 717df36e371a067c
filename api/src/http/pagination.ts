import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type TLiteral, Type } from 'typebox';
import { ApiError } from './errors.ts';

/**
 * Keyset ("cursor") pagination shared by every list (API.md, "Conventions"): `?limit=1..100` (25),
 * an opaque `?cursor=`, `?sort=` among the documented fields (`-` for descending), and
 * `{ items, nextCursor }`. The cursor carries the last row's sort value and id, and the sort it belongs to.
 */

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

/** The querystring properties of a list sorted by `sortFields`; spread them into the route's own. */
export function pageQueryProperties<F extends string>(sortFields: readonly F[]) {
  const literals: TLiteral<string>[] = sortFields.flatMap((field) => [
    Type.Literal(field),
    Type.Literal(`-${field}`),
  ]);
  return {
    limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
    sort: Type.Optional(
      Type.Union(literals, { description: `One of ${sortFields.join(', ')}; "-" descends` }),
    ),
  };
}

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
  sort?: string | undefined;
}

/**
 * One way to sort: the column of each sort field, or its columns in order (a track's disc, then its
 * number). The id breaks ties. A field whose column is the id itself (e.g. `createdAt` on UUID v7 ids,
 * which sort by creation) is paged on the id alone, avoiding timestamp precision traps.
 */
export interface Sorting {
  id: AnyPgColumn;
  fields: Record<string, AnyPgColumn | readonly AnyPgColumn[]>;
  fallback: string;
}

type CursorValue = string | number;
interface Cursor {
  s: string;
  v: CursorValue | CursorValue[];
  id: string;
}

const badCursor = () =>
  new ApiError(
    'VALIDATION_FAILED',
    'The cursor is not valid for this list and sort; start again without it',
    {
      errors: [{ field: 'cursor', code: 'INVALID_VALUE', message: 'cursor is not a cursor of this list' }],
    },
  );

function decodeCursor(raw: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const cursor = parsed as Partial<Cursor> | null;
  const isValue = (value: unknown): value is CursorValue =>
    typeof value === 'string' || typeof value === 'number';
  if (
    !cursor ||
    cursor.s !== sort ||
    typeof cursor.id !== 'string' ||
    // A UUID's exact shape: 36 hyphens or hex digits would reach PostgreSQL and fail there as a 500.
    !UUID.test(cursor.id) ||
    !(Array.isArray(cursor.v) ? cursor.v.every(isValue) : isValue(cursor.v))
  ) {
    throw badCursor();
  }
  return { s: cursor.s, v: cursor.v as CursorValue | CursorValue[], id: cursor.id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a cursor's sort value can be compared with its column: a forged cursor carrying a value of the
 * wrong type would otherwise reach PostgreSQL and fail there as a 500.
 */
function fitsColumn(column: AnyPgColumn, value: CursorValue): boolean {
  switch (column.columnType) {
    case 'PgUUID':
      return typeof value === 'string' && UUID.test(value);
    case 'PgDate':
    case 'PgDateString':
      return (
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
      );
    case 'PgTimestamp':
    case 'PgTimestampString':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'PgInteger':
    case 'PgBigInt53':
    case 'PgSmallInt':
      return typeof value === 'number' && Number.isInteger(value);
    default:
      return true;
  }
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** Columns drizzle reads and writes as JavaScript Dates (`mode: 'date'`); their string modes are `…String`. */
const dateMode = (column: AnyPgColumn) =>
  column.columnType === 'PgDate' || column.columnType === 'PgTimestamp';

/** A row's sort value as a cursor carries it: a Date as its day (a date column) or its instant (a timestamp). */
function cursorValueOf(column: AnyPgColumn | undefined, value: CursorValue | Date): CursorValue {
  if (!(value instanceof Date)) return value;
  return column?.columnType === 'PgDate' ? value.toISOString().slice(0, 10) : value.toISOString();
}

/** A cursor's value as its column's driver mapping takes it: date-mode columns want a Date, not its text. */
const columnValue = (column: AnyPgColumn, value: CursorValue): CursorValue | Date =>
  dateMode(column) ? new Date(value) : value;

/** The sort values a cursor carries for `columns`: one value per column, or a bad cursor. */
function cursorValues(cursor: Cursor, columns: readonly AnyPgColumn[]): CursorValue[] {
  const values = Array.isArray(cursor.v) ? cursor.v : [cursor.v];
  const fits =
    Array.isArray(cursor.v) === columns.length > 1 &&
    values.length === columns.length &&
    columns.every((column, at) => fitsColumn(column, values[at] as CursorValue));
  if (!fits) throw badCursor();
  return values;
}

/** The WHERE (rows after the cursor) and ORDER BY of a page, and a function that builds the page. */
export function keyset(sorting: Sorting, page: PageRequest) {
  const sort = page.sort ?? sorting.fallback;
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const sortColumns = sorting.fields[field];
  if (!sortColumns) throw new Error(`sort field ${field} has no column`);
  const idOnly = sortColumns === sorting.id;
  const columns: readonly AnyPgColumn[] = idOnly ? [] : [sortColumns].flat();
  const cursor = page.cursor ? decodeCursor(page.cursor, sort) : null;
  const values = cursor && !idOnly ? cursorValues(cursor, columns) : [];
  const beyond = descending ? lt : gt;
  /** Rows after the cursor in the order of `columns` then the id: beyond on the first, or equal and beyond on the rest. */
  const afterFrom = (at: number, id: string): SQL | undefined => {
    const column = columns[at];
    if (!column) return beyond(sorting.id, id);
    const value = columnValue(column, values[at] as CursorValue);
    return or(beyond(column, value), and(eq(column, value), afterFrom(at + 1, id)));
  };
  const after = cursor ? afterFrom(0, cursor.id) : undefined;
  const direction = descending ? desc : asc;
  const orderBy: SQL[] = [...columns.map((column) => direction(column)), direction(sorting.id)];
  return {
    after,
    orderBy,
    /** Fetch this many rows: one more than the page tells whether there is a next one. */
    fetch: page.limit + 1,
    /** Builds `{ items, nextCursor }` from the fetched rows; `sortValueOf` reads the sort field of a row. */
    page<T extends { id: string }>(
      rows: T[],
      sortValueOf: (row: T, field: string) => CursorValue | Date | Array<CursorValue | Date>,
    ): { items: T[]; nextCursor: string | null } {
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      if (!(rows.length > page.limit && last)) return { items, nextCursor: null };
      const raw = idOnly ? last.id : sortValueOf(last, field);
      const v = Array.isArray(raw)
        ? raw.map((value, at) => cursorValueOf(columns[at], value))
        : cursorValueOf(columns[0], raw);
      const nextCursor = encodeCursor({ s: sort, v, id: last.id });
      return { items, nextCursor };
    },
  };
}
