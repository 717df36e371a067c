import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The tables as Drizzle sees them; the SQL in api/migrations/ creates them (a test keeps the two in step).

export const labels = pgTable('labels', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  dpid: text('dpid'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'reviewer', 'label_manager', 'artist', 'partner'] }).notNull(),
  labelId: uuid('label_id').references(() => labels.id),
  partnerId: uuid('partner_id'),
  active: boolean('active').notNull().default(true),
  tokenVersion: integer('token_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
