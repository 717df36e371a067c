import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The history database: real PostgreSQL, or PGlite embedded in the process. */
export interface Sql {
  backend: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `work` on one connection (session-level locks, transactions). */
  session<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type Queryable = { query: pg.Pool['query'] };

function onPg(client: Queryable): Omit<Sql, 'session' | 'close'> {
  return {
    backend: 'postgres',
    query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
    exec: async (text) => {
      await client.query(text);
    },
  };
}

export async function connectPostgres(url: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {});
  // Fail here, with the URL's host, rather than on the first query.
  (await pool.connect()).release();
  return {
    ...onPg(pool),
    session: async (work) => {
      const client = await pool.connect();
      try {
        const pinned: Sql = { ...onPg(client), session: (inner) => inner(pinned), close: async () => {} };
        return await work(pinned);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite in `dir` (created if missing), or in memory when `dir` is null. */
export async function openEmbedded(dir: string | null): Promise<Sql> {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? await PGlite.create(dir) : await PGlite.create();
  const sql: Sql = {
    backend: 'pglite',
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    exec: async (text) => {
      await client.exec(text);
    },
    // One connection already: the session is the database itself.
    session: (work) => work(sql),
    close: () => client.close(),
  };
  return sql;
}
