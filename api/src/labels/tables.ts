import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const labels = pgTable('labels', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  dpid: text('dpid'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
