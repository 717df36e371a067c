import path from 'node:path';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { connectPostgres, type Database } from './db/database.ts';
import { openEmbeddedDatabase } from './db/embedded.ts';
import { migrateUp } from './db/migrate.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { openJobQueue } from './jobs/open-queue.ts';
import { serviceLog } from './log.ts';
import type { MusicBrainzClient } from './lookup/musicbrainz-client.ts';
import { openMusicBrainz } from './lookup/open-musicbrainz.ts';
import type { Mailer } from './notifications/mailer.ts';
import { openMailer } from './notifications/open-mailer.ts';
import { connectRedis, embeddedRedis, type RedisClient } from './redis.ts';
import type { ObjectStore } from './storage/object-store.ts';
import { openObjectStore } from './storage/open-store.ts';

/** Everything the app talks to, passed to `buildApp` as one named object. */
export interface Deps {
  config: Config;
  db: Database;
  redis: RedisClient;
  storage: ObjectStore;
  clock: Clock;
  /** Background jobs: BullMQ with Redis, in-process otherwise. */
  queue: JobQueue;
  mailer: Mailer;
  musicbrainz: MusicBrainzClient;
}

export interface Backends {
  database: string;
  redis: string;
  storage: string;
  jobs: string;
  mail: string;
}

/** A one-line cause for a dependency that failed at start, naming the variable to fix. */
export class StartupError extends Error {
  override name = 'StartupError';
}

function reason(error: unknown): string {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'ECONNREFUSED') return 'connection refused';
  if (err.code === 'ENOTFOUND') return 'host not found';
  if (err.code === 'ETIMEDOUT' || /timeout/i.test(err.message)) return 'timed out';
  return err.message.split('\n')[0] ?? String(error);
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function openDatabase(config: Config): Promise<Database> {
  if (!config.databaseUrl) return openEmbeddedDatabase(path.join(config.dataDir, 'db'));
  try {
    return await connectPostgres(config.databaseUrl, {
      poolSize: config.databasePool.size,
      acquireTimeoutMs: config.databasePool.acquireTimeoutMs,
    });
  } catch (error) {
    throw new StartupError(
      `cannot connect to PostgreSQL at ${redact(config.databaseUrl)} (DATABASE_URL): ${reason(error)} — start PostgreSQL, fix DATABASE_URL, or unset it to use the embedded database`,
    );
  }
}

async function openRedis(config: Config): Promise<RedisClient> {
  if (!config.redisUrl) return embeddedRedis(config.redisPrefix);
  try {
    return await connectRedis(config.redisUrl, config.redisPrefix);
  } catch (error) {
    throw new StartupError(
      `cannot connect to Redis at ${redact(config.redisUrl)} (REDIS_URL): ${reason(error)} — start Redis, fix REDIS_URL, or unset it to use the embedded stand-in`,
    );
  }
}

/** Opens every dependency named by the configuration and brings the database schema up to date. */
export async function createDeps(
  config: Config,
): Promise<{ deps: Deps; backends: Backends; close(): Promise<void> }> {
  const db = await openDatabase(config);
  let redis: RedisClient;
  try {
    await migrateUp(db);
    redis = await openRedis(config);
  } catch (error) {
    await db.close();
    throw error;
  }
  const storage = openObjectStore(config);
  const backends: Backends = {
    database: config.databaseUrl
      ? `PostgreSQL (${redact(config.databaseUrl)})`
      : `embedded PGlite (${path.join(config.dataDir, 'db')})`,
    redis: config.redisUrl ? `Redis (${redact(config.redisUrl)})` : 'embedded in-process stand-in',
    storage:
      storage.kind === 'file'
        ? `local directory (${new URL(config.storageUrl).pathname})`
        : config.storageUrl,
    jobs: config.redisUrl ? 'BullMQ on Redis' : 'in-process, eager',
    mail: config.smtpUrl ? `SMTP (${redact(config.smtpUrl)})` : 'log only (SMTP_URL unset)',
  };
  const queue = openJobQueue(config, (name, error, attempt, final) =>
    serviceLog(config, final ? 'error' : 'warn')(
      { queue: name, attempt, err: (error as Error).message },
      final ? 'job failed for good' : 'job failed; retrying',
    ),
  );
  const mailer = openMailer(config, serviceLog(config, 'info'));
  const musicbrainz = openMusicBrainz(config, redis, systemClock);
  return {
    deps: { config, db, redis, storage, clock: systemClock, queue, mailer, musicbrainz },
    backends,
    async close() {
      await queue.close();
      mailer.close();
      redis.disconnect();
      await db.close();
    },
  };
}
