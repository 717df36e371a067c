import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';

/** Queries name their tables (each domain's tables.ts); no relational query API, so no schema registry here. */
export type Orm = PgDatabase<PgQueryResultHKT>;

/** The database the service talks to: real PostgreSQL, or PGlite (Postgres in WASM) when none is configured. */
export interface Database {
  backend: 'postgres' | 'pglite';
  orm: Orm;
  /** Runs one or more SQL statements without parameters (migrations, maintenance). */
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: the database's contents, to start copies from (`openPglite(null, dump)`). */
  dump?: () => Promise<PgliteDump>;
}

export interface PostgresOptions {
  poolSize?: number;
  /**
   * How long a query waits for a free connection (or a new one to open) before it fails with pg's
   * "timeout exceeded when trying to connect", which the API answers 503 with `retry-after` (default 5 s).
   */
  acquireTimeoutMs?: number;
  /** Extra session settings, e.g. `synchronous_commit=off` for test databases. */
  sessionOptions?: string;
}

export async function connectPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.acquireTimeoutMs ?? 5000,
    ...(options.sessionOptions ? { options: options.sessionOptions } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const client = await pool.connect();
  client.release();
  return {
    backend: 'postgres',
    orm: drizzlePg(pool),
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}

/** The contents of a PGlite database, as `dump` writes them (a gzipped tarball of its data directory). */
export type PgliteDump = Blob;

/**
 * An embedded PGlite database stored under `dir` (or in memory when `dir` is null), optionally started
 * from a dump — several times faster than creating and migrating a new one.
 */
export async function openPglite(dir: string | null, from?: PgliteDump): Promise<Database> {
  if (dir) mkdirSync(path.dirname(dir), { recursive: true });
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    ...(from ? { loadDataDir: from } : {}),
  });
  return {
    backend: 'pglite',
    orm: drizzlePglite(client),
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    close: () => client.close(),
    dump: async () => (await client.dumpDataDir('gzip')) as Blob,
  };
}
