import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { labels } from '../labels/tables.ts';
import { users } from '../users/tables.ts';

/** Migration 0005. */
export const artists = pgTable('artists', {
  id: uuid('id').primaryKey(),
  labelId: uuid('label_id')
    .notNull()
    .references(() => labels.id),
  name: text('name').notNull(),
  isni: text('isni'),
  ipiNameNumber: text('ipi_name_number'),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
