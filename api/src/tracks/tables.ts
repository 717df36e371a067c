import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { artists } from '../artists/tables.ts';
import { releases } from '../releases/tables.ts';

/** Migration 0007. */
export const tracks = pgTable('tracks', {
  id: uuid('id').primaryKey(),
  releaseId: uuid('release_id')
    .notNull()
    .references(() => releases.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  version: text('version'),
  isrc: text('isrc').notNull(),
  discNumber: integer('disc_number').notNull().default(1),
  trackNumber: integer('track_number').notNull(),
  parentalAdvisory: text('parental_advisory', { enum: ['explicit', 'clean', 'not_explicit'] }).notNull(),
  language: text('language'),
  instrumental: boolean('instrumental').notNull().default(false),
  iswc: text('iswc'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const trackContributors = pgTable(
  'track_contributors',
  {
    trackId: uuid('track_id')
      .notNull()
      .references(() => tracks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    artistId: uuid('artist_id')
      .notNull()
      .references(() => artists.id),
    role: text('role').notNull(),
  },
  (table) => [primaryKey({ columns: [table.trackId, table.position] })],
);
