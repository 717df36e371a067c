import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type PartnerProfile = 'batch' | 'release_by_release';

/** A transport as stored: everything but the secrets, which live sealed in `credentials`. */
export type StoredTransport =
  | {
      kind: 'sftp';
      host: string;
      port: number;
      username: string;
      root: string;
      auth: 'password' | 'privateKey';
    }
  | { kind: 's3'; endpoint: string | null; bucket: string; prefix: string; accessKeyId: string };

export type SecretField = 'password' | 'privateKey' | 'secretAccessKey';

/** Migration 0015. */
export const partners = pgTable('partners', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  dpid: text('dpid').notNull(),
  ernVersion: text('ern_version').notNull().default('4.3'),
  profile: text('profile').$type<PartnerProfile>().notNull(),
  transport: jsonb('transport').$type<StoredTransport>().notNull(),
  credentials: jsonb('credentials').$type<Partial<Record<SecretField, string>>>().notNull().default({}),
  leadTimeDays: integer('lead_time_days').notNull(),
  callbackUrl: text('callback_url'),
  callbackSecret: text('callback_secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export type PartnerRow = typeof partners.$inferSelect;
