import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { artists } from '../artists/tables.ts';
import { labels } from '../labels/tables.ts';
import type { AudioFacts } from '../media/audio-facts.ts';
import type { ImageFacts } from '../media/image-facts.ts';
import type { Finding } from '../qc/types.ts';
import { users } from '../users/tables.ts';
import type { ReleaseState } from '../workflow/release-workflow.ts';

export type Territories = { mode: 'worldwide' } | { mode: 'include' | 'exclude'; codes: string[] };

/** Migration 0006. */
export const releases = pgTable('releases', {
  id: uuid('id').primaryKey(),
  labelId: uuid('label_id')
    .notNull()
    .references(() => labels.id),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  state: text('state').$type<ReleaseState>().notNull().default('draft'),
  title: text('title').notNull(),
  version: text('version'),
  releaseType: text('release_type', { enum: ['single', 'ep', 'album'] }).notNull(),
  upc: text('upc').notNull(),
  genre: text('genre').notNull(),
  language: text('language').notNull(),
  parentalAdvisory: text('parental_advisory', { enum: ['explicit', 'clean', 'not_explicit'] }).notNull(),
  pLineYear: integer('p_line_year').notNull(),
  pLineOwner: text('p_line_owner').notNull(),
  cLineYear: integer('c_line_year').notNull(),
  cLineOwner: text('c_line_owner').notNull(),
  releaseDate: date('release_date', { mode: 'string' }).notNull(),
  originalReleaseDate: date('original_release_date', { mode: 'string' }),
  territories: jsonb('territories').$type<Territories>().notNull(),
  firstDeliveredAt: timestamp('first_delivered_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const releaseArtists = pgTable(
  'release_artists',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    artistId: uuid('artist_id')
      .notNull()
      .references(() => artists.id),
  },
  (table) => [primaryKey({ columns: [table.releaseId, table.position] })],
);

/** Migration 0008: the audit trail. */
export const releaseEvents = pgTable('release_events', {
  id: uuid('id').primaryKey(),
  releaseId: uuid('release_id')
    .notNull()
    .references(() => releases.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  action: text('action').notNull(),
  fromState: text('from_state').$type<ReleaseState>(),
  toState: text('to_state').$type<ReleaseState>().notNull(),
  reasons: jsonb('reasons').$type<Array<{ rule: string; message: string }>>(),
});

/**
 * Migration 0007. A release's tracks are part of the release: tracks/ writes them, releases/ reads them.
 * Declared here, not in a tracks/tables.ts, because releases/ would then import tracks/ as tracks/ imports
 * releases/: a folder loop.
 */
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

// Artwork and audio live beside the release's other tables, as tracks do: a release is read with its
// artwork summary, and assets/ depends on releases/ for the rules of an edit.
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
