import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { UserError } from '../user-error.ts';
import { openPgliteDir } from './new-pglite.ts';

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

/** The embedded history is open in another process (a run ending, `serve` answering) for longer than we wait. */
export class HistoryLockedError extends UserError {
  override name = 'HistoryLockedError';
  constructor(dir: string, holder: number) {
    super(
      `${dir} is in use by process ${holder}; try again when it is done, or set SOUNDCHECK_HISTORY_URL to share a PostgreSQL history`,
    );
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PGlite is one process's database: two processes writing one directory corrupt it. A lock file beside
 * it names the holder; a lock whose process is gone is taken over. Holders keep it for seconds (a run
 * takes it only to start and to record its results), so a second process waits up to `waitMs` for it.
 */
async function lockDirectory(dir: string, waitMs: number): Promise<() => void> {
  const lock = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8').trim());
    // An empty file is a lock being written this instant: its holder is alive.
    if (holder && !processAlive(holder)) rmSync(lock, { force: true });
    else if (Date.now() >= deadline) throw new HistoryLockedError(dir, holder);
    else await pause(100);
  }
}

/** How long to wait for another process's hold on the embedded history (`SOUNDCHECK_HISTORY_WAIT_MS`, 60 s). */
const defaultWaitMs = () => {
  const configured = Number(process.env.SOUNDCHECK_HISTORY_WAIT_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 60_000;
};

/** PGlite in `dir` (created if missing, locked while open: waits `waitMs` for another holder), or in memory when `dir` is null. */
export async function openEmbedded(dir: string | null, waitMs = defaultWaitMs()): Promise<Sql> {
  if (dir) mkdirSync(dir, { recursive: true });
  const unlock = dir ? await lockDirectory(dir, waitMs) : () => {};
  const client = await (dir ? openPgliteDir(dir) : PGlite.create()).catch((error: Error) => {
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
