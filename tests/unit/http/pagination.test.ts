import { DEFAULT_LIMIT, keyset, MAX_LIMIT, pageQueryProperties } from '@soundcheck/api/http/pagination.ts';
import type { SQL } from 'drizzle-orm';
import {
  bigint,
  date,
  integer,
  PgDialect,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { describe, expect, test } from 'vitest';

const items = pgTable('items', {
  id: uuid('id').primaryKey(),
  title: text('title'),
  position: integer('position'),
  releaseDate: date('release_date'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }),
  ownerId: uuid('owner_id'),
  // The other column kinds a list may sort on, each with its own check (PgDate, PgTimestamp, PgBigInt53…).
  releasedOn: date('released_on', { mode: 'date' }),
  stampedAt: timestamp('stamped_at', { withTimezone: true }),
  plays: bigint('plays', { mode: 'number' }),
  rank: smallint('rank'),
});
const sorting = {
  id: items.id,
  fields: {
    createdAt: items.id,
    title: items.title,
    position: items.position,
    releaseDate: items.releaseDate,
    updatedAt: items.updatedAt,
    ownerId: items.ownerId,
    releasedOn: items.releasedOn,
    stampedAt: items.stampedAt,
    plays: items.plays,
    rank: items.rank,
  },
  fallback: 'createdAt',
};
const dialect = new PgDialect();
const render = (sql: SQL | undefined) => {
  if (!sql) return undefined;
  const query = dialect.sqlToQuery(sql);
  return { sql: query.sql, params: query.params };
};
const id = (n: number) => `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: id(i + 1), title: `t${i + 1}` }));

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return 'accepted';
}
const cursorRefused = {
  status: 400,
  code: 'VALIDATION_FAILED',
  message: 'The cursor is not valid for this list and sort; start again without it',
  errors: [{ field: 'cursor', code: 'INVALID_VALUE', message: 'cursor is not a cursor of this list' }],
};

describe('keyset pagination', { tags: ['unit', 'catalog'] }, () => {
  test('the query properties: limit 1..100 (25), an opaque cursor, sort among the fields or descending', () => {
    const properties = pageQueryProperties(['title', 'position']);
    expect([DEFAULT_LIMIT, MAX_LIMIT]).toEqual([25, 100]);
    expect(properties.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 25 });
    expect(properties.cursor).toMatchObject({ type: 'string', minLength: 1, maxLength: 1024 });
    expect(properties.sort).toMatchObject({ description: 'One of title, position; "-" descends' });
    expect(properties.sort.anyOf.map((literal) => literal.const)).toEqual([
      'title',
      '-title',
      'position',
      '-position',
    ]);
  });

  test('a first page has no condition, fetches one more row than the limit, and orders by the sort then the id', () => {
    const page = keyset(sorting, { limit: 2, sort: '-title' });
    expect(page.after).toBeUndefined();
    expect(page.fetch).toBe(3);
    expect(page.orderBy.map((o) => render(o)?.sql)).toEqual(['"items"."title" desc', '"items"."id" desc']);
    expect(keyset(sorting, { limit: 2 }).orderBy.map((o) => render(o)?.sql)).toEqual(['"items"."id" asc']);
  });

  test('a full page carries the cursor of its last row; a short one has none', () => {
    const page = keyset(sorting, { limit: 2, sort: 'title' });
    const short = page.page(rows(2), (row) => row.title);
    expect(short).toEqual({ items: rows(2), nextCursor: null });
    const full = page.page(rows(3), (row) => row.title);
    expect(full.items).toEqual(rows(2));
    expect(JSON.parse(Buffer.from(full.nextCursor ?? '', 'base64url').toString('utf8'))).toEqual({
      s: 'title',
      v: 't2',
      id: id(2),
    });
  });

  test('the cursor is the last row of the page, whatever the limit (not the second one)', () => {
    const page = keyset(sorting, { limit: 3, sort: 'title' }).page(rows(4), (row) => row.title);
    expect(page.items).toEqual(rows(3));
    expect(JSON.parse(Buffer.from(page.nextCursor ?? '', 'base64url').toString('utf8'))).toEqual({
      s: 'title',
      v: 't3',
      id: id(3),
    });
  });

  test('the next page starts after the cursor row: ascending, descending, and on the id alone', () => {
    const first = keyset(sorting, { limit: 2, sort: 'title' }).page(rows(3), (row) => row.title);
    expect(
      render(keyset(sorting, { limit: 2, sort: 'title', cursor: first.nextCursor ?? '' }).after),
    ).toEqual({
      sql: '("items"."title" > $1 or ("items"."title" = $2 and "items"."id" > $3))',
      params: ['t2', 't2', id(2)],
    });
    const descending = cursorOf({ s: '-position', v: 7, id: id(2) });
    expect(render(keyset(sorting, { limit: 2, sort: '-position', cursor: descending }).after)).toEqual({
      sql: '("items"."position" < $1 or ("items"."position" = $2 and "items"."id" < $3))',
      params: [7, 7, id(2)],
    });
    const byId = keyset(sorting, { limit: 2 }).page(rows(3), () => 'ignored');
    expect(JSON.parse(Buffer.from(byId.nextCursor ?? '', 'base64url').toString('utf8')).v).toBe(id(2));
    expect(render(keyset(sorting, { limit: 2, cursor: byId.nextCursor ?? '' }).after)).toEqual({
      sql: '"items"."id" > $1',
      params: [id(2)],
    });
  });

  test.each([
    ['not base64 JSON', '!!!not-a-cursor'],
    ['JSON null', cursorOf(null)],
    ['another sort', cursorOf({ s: '-title', v: 't', id: id(1) })],
    ['no id', cursorOf({ s: 'title', v: 't' })],
    ['an id that is not a UUID', cursorOf({ s: 'title', v: 't', id: `${id(1)}x` })],
    ['an id with text before the UUID', cursorOf({ s: 'title', v: 't', id: `x${id(1)}` })],
    // An array of one UUID reads as that UUID when turned into text, but reaches PostgreSQL as an array.
    ['an id that is an array of a UUID', cursorOf({ s: 'title', v: 't', id: [id(1)] })],
    ['a value that is neither text nor number', cursorOf({ s: 'title', v: { $gt: '' }, id: id(1) })],
  ])('a cursor with %s is a 400 on the cursor field', (_case, cursor) => {
    expect(refusal(() => keyset(sorting, { limit: 2, sort: 'title', cursor }))).toMatchObject(cursorRefused);
  });

  test.each([
    ['position', 'x'],
    ['position', 1.5],
    ['releaseDate', '2024/01/31'],
    ['releaseDate', '2024-13-45'],
    ['releaseDate', 20240131],
    ['releaseDate', '12024-01-31'],
    ['releaseDate', '2024-01-31T00:00'],
    ['releaseDate', ['2024-01-31']],
    ['releasedOn', '2024/01/31'],
    ['releasedOn', ['2024-01-31']],
    ['stampedAt', 'yesterday'],
    ['stampedAt', ['2024-01-31T10:00:00.000Z']],
    ['updatedAt', ['2024-01-31T10:00:00.000Z']],
    ['ownerId', [id(9)]],
    ['plays', 'x'],
    ['plays', 2.5],
    ['rank', '3'],
    ['updatedAt', 'yesterday'],
    ['updatedAt', 1700000000],
    // Date.parse(2024) reads the number as the year 2024: only the type check keeps it from PostgreSQL.
    ['updatedAt', 2024],
    ['stampedAt', 2024],
    ['ownerId', 'not-a-uuid'],
    ['ownerId', 12],
  ])('a %s cursor value of the wrong type (%j) is refused before it reaches PostgreSQL', (field, v) => {
    const cursor = cursorOf({ s: field, v, id: id(1) });
    expect(refusal(() => keyset(sorting, { limit: 2, sort: field, cursor }))).toMatchObject(cursorRefused);
  });

  test.each([
    ['position', 3],
    ['releaseDate', '2024-01-31'],
    ['updatedAt', '2024-01-31T10:00:00.000Z'],
    ['ownerId', id(9)],
    ['title', 42],
    ['plays', 12],
    ['rank', 3],
  ])('a %s cursor value of the right type (%j) is accepted', (field, v) => {
    const page = keyset(sorting, { limit: 2, sort: field, cursor: cursorOf({ s: field, v, id: id(1) }) });
    expect(render(page.after)?.params).toEqual([v, v, id(1)]);
  });

  test('a sort on several columns (disc, then track) pages on each in turn, then the id', () => {
    const tracks = pgTable('tracks', {
      id: uuid('id').primaryKey(),
      disc: integer('disc'),
      track: integer('track'),
    });
    const byPosition = {
      id: tracks.id,
      fields: { position: [tracks.disc, tracks.track] },
      fallback: 'position',
    };
    const first = keyset(byPosition, { limit: 1 });
    expect(first.orderBy.map((o) => render(o)?.sql)).toEqual([
      '"tracks"."disc" asc',
      '"tracks"."track" asc',
      '"tracks"."id" asc',
    ]);
    const { nextCursor } = first.page(rows(2), () => [1, 2]);
    expect(render(keyset(byPosition, { limit: 1, cursor: nextCursor ?? '' }).after)).toEqual({
      sql: '("tracks"."disc" > $1 or ("tracks"."disc" = $2 and ("tracks"."track" > $3 or ("tracks"."track" = $4 and "tracks"."id" > $5))))',
      params: [1, 1, 2, 2, id(1)],
    });
    for (const v of [1, [1], [1, 'x'], [1, 2, 3]]) {
      const cursor = cursorOf({ s: 'position', v, id: id(1) });
      expect(refusal(() => keyset(byPosition, { limit: 1, cursor }))).toMatchObject(cursorRefused);
    }
  });

  test('a cursor over two text columns with one value that is neither string nor number is refused', () => {
    // Text columns take any string or number, so the cursor's own check is all that keeps an object from SQL.
    const byTitles = { id: items.id, fields: { titles: [items.title, items.title] }, fallback: 'titles' };
    for (const v of [
      ['a', {}],
      [null, 'a'],
      [['a'], 'b'],
    ]) {
      const cursor = cursorOf({ s: 'titles', v, id: id(1) });
      expect(refusal(() => keyset(byTitles, { limit: 1, cursor }))).toMatchObject(cursorRefused);
    }
    expect(
      refusal(() =>
        keyset(byTitles, { limit: 1, cursor: cursorOf({ s: 'titles', v: ['a', 2], id: id(1) }) }),
      ),
    ).toBe('accepted');
  });

  test('a sort field without a column is a programming error naming the field', () => {
    expect(() => keyset(sorting, { limit: 2, sort: 'genre' })).toThrow('sort field genre has no column');
    expect(() => keyset(sorting, { limit: 2, sort: '-genre' })).toThrow('sort field genre has no column');
  });
});
