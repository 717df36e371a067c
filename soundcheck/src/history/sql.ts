import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

/** Whether a process of this machine still runs (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two processes writing one directory corrupt it. A lock file beside
 * it names the holder; a lock whose process is gone is taken over.
 */
function lockDirectory(dir: string): () => void {
  const lock = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (holder && processAlive(holder))
        throw new Error(
          `${dir} is in use by process ${holder}; set SOUNDCHECK_HISTORY_URL to share a PostgreSQL history`,
        );
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

/** PGlite in `dir` (created if missing, locked while open), or in memory when `dir` is null. */
export async function openEmbedded(dir: string | null): Promise<Sql> {
  if (dir) mkdirSync(dir, { recursive: true });
  const unlock = dir ? lockDirectory(dir) : () => {};
  const client = await (dir ? PGlite.create(dir) : PGlite.create()).catch((error: Error) => {
    unlock();
    throw error;
  });
  const sql: Sql = {
    backend: 'pglite',
    query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
    exec: async (text) => {
      await client.exec(text);
    },
    // One connection already: the session is the database itself.
    session: (work) => work(sql),
    close: () => client.close().finally(unlock),
  };
  return sql;
}
