import { bigint, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AudioFacts } from '../media/audio-facts.ts';
import type { ImageFacts } from '../media/image-facts.ts';
import type { Finding } from '../qc/types.ts';
import { releases, tracks } from '../releases/tables.ts';
import { users } from '../users/tables.ts';

export type AssetStatus = 'analysing' | 'valid' | 'invalid';

/** Migration 0010: artwork and audio files, their header facts and their QC outcome. */
export const assets = pgTable('assets', {
  id: uuid('id').primaryKey(),
  releaseId: uuid('release_id')
    .notNull()
    .references(() => releases.id, { onDelete: 'cascade' }),
  trackId: uuid('track_id').references(() => tracks.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['artwork', 'audio'] }).notNull(),
  storageKey: text('storage_key').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  facts: jsonb('facts').$type<ImageFacts | AudioFacts>().notNull(),
  status: text('status').$type<AssetStatus>().notNull(),
  findings: jsonb('findings').$type<Finding[]>().notNull().default([]),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type AssetRow = typeof assets.$inferSelect;
