import { keyset } from '@soundcheck/api/http/pagination.ts';
import { date, PgDialect, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, test } from 'vitest';

// Columns read as JavaScript Dates (drizzle's date mode): the page's last row carries a Date as its sort value.
const events = pgTable('events', {
  id: uuid('id').primaryKey(),
  happenedOn: date('happened_on', { mode: 'date' }),
  stampedAt: timestamp('stamped_at', { withTimezone: true, mode: 'date' }),
});
const sorting = {
  id: events.id,
  fields: { createdAt: events.id, happenedOn: events.happenedOn, stampedAt: events.stampedAt },
  fallback: 'createdAt',
};
const id = (n: number) => `0193a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const rows = [
  {
    id: id(1),
    happenedOn: new Date('2024-01-30T00:00:00Z'),
    stampedAt: new Date('2024-01-30T10:00:00.250Z'),
  },
  {
    id: id(2),
    happenedOn: new Date('2024-01-31T00:00:00Z'),
    stampedAt: new Date('2024-01-31T10:00:00.500Z'),
  },
  {
    id: id(3),
    happenedOn: new Date('2024-02-01T00:00:00Z'),
    stampedAt: new Date('2024-02-01T10:00:00.750Z'),
  },
];
const dialect = new PgDialect();

describe('a cursor over a date-mode column', () => {
  test.for([
    ['happenedOn', '2024-01-31T00:00:00.000Z'],
    ['-happenedOn', '2024-01-31T00:00:00.000Z'],
    ['stampedAt', '2024-01-31T10:00:00.500Z'],
    ['-stampedAt', '2024-01-31T10:00:00.500Z'],
  ] as const)('sorted by %s, page 2 is the rows after the last one of page 1 (%s)', ([sort, driverValue]) => {
    const first = keyset(sorting, { limit: 2, sort });
    const { nextCursor } = first.page(rows, (row, field) => row[field as 'stampedAt'] as unknown as string);
    expect(nextCursor).not.toBeNull();
    // Page 2's condition must reach PostgreSQL as parameters it compares, not a 400 or a driver TypeError.
    const second = keyset(sorting, { limit: 2, sort, cursor: nextCursor as string });
    const query = dialect.sqlToQuery(second.after!);
    expect(query.params).toEqual([driverValue, driverValue, id(2)]);
  });
});
