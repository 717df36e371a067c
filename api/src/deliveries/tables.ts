import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MessageKind } from '../ern/types.ts';
import { labels } from '../labels/tables.ts';
import { partners } from '../partners/tables.ts';
import { releases } from '../releases/tables.ts';
import { users } from '../users/tables.ts';
import type { Acknowledgement } from './ack/acknowledgement.ts';
import type { DeliveryState } from './state-machine.ts';
import type { UploadPlan } from './upload-plan.ts';

/** Migration 0020. */
export const deliveries = pgTable('deliveries', {
  id: uuid('id').primaryKey(),
  releaseId: uuid('release_id')
    .notNull()
    .references(() => releases.id, { onDelete: 'cascade' }),
  partnerId: uuid('partner_id')
    .notNull()
    .references(() => partners.id),
  labelId: uuid('label_id')
    .notNull()
    .references(() => labels.id),
  kind: text('kind').$type<MessageKind>().notNull(),
  state: text('state').$type<DeliveryState>().notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }),
  lastError: text('last_error'),
  batchId: text('batch_id'),
  messageId: text('message_id').notNull(),
  messageThreadId: text('message_thread_id').notNull(),
  ern: text('ern'),
  plan: jsonb('plan').$type<UploadPlan>(),
  ack: jsonb('ack').$type<Acknowledgement>(),
  leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type DeliveryRow = typeof deliveries.$inferSelect;

export const deliveryEvents = pgTable('delivery_events', {
  id: uuid('id').primaryKey(),
  deliveryId: uuid('delivery_id')
    .notNull()
    .references(() => deliveries.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  state: text('state').$type<DeliveryState>().notNull(),
  detail: text('detail').notNull(),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.key] })],
);
