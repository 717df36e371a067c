import { randomBytes } from 'node:crypto';
import { cloneDatabase, dropDatabase } from '../../src/fixtures/databases.ts';
import { migrateHistory } from '../../src/history/migrate.ts';
import { connectPostgres, openEmbedded, type Sql } from '../../src/history/sql.ts';
import { HistoryStore } from '../../src/history/store.ts';
import { checkService, defaultUrls } from '../../src/services/health.ts';

export type Backend = 'pglite' | 'postgres';

/** A throwaway, migrated history database: a fresh PostgreSQL database, or an in-memory PGlite. */
export interface ThrowawayHistory {
  store: HistoryStore;
  /** Another connection to the same database (PostgreSQL only), as a second shard would have. */
  connectAgain: () => Promise<HistoryStore>;
  drop: () => Promise<void>;
}

/** Why PostgreSQL cannot be used, or null when it can. In strict mode a missing server is an error. */
export async function postgresUnavailable(): Promise<string | null> {
  const status = await checkService('postgres', defaultUrls.postgres);
  if (status.ok) return null;
  if (process.env.SOUNDCHECK_STRICT === '1') throw new Error(status.reason);
  return status.reason ?? 'postgres unavailable';
}

export async function throwawayHistory(backend: Backend): Promise<ThrowawayHistory> {
  if (backend === 'pglite') {
    const sql = await openEmbedded(null);
    await migrateHistory(sql);
    const store = new HistoryStore(sql);
    return { store, connectAgain: () => Promise.resolve(store), drop: () => store.close() };
  }
  const name = `sc_history_${randomBytes(4).toString('hex')}`;
  const url = await cloneDatabase(defaultUrls.postgres, 'template0', name);
  const open = async () => {
    const sql: Sql = await connectPostgres(url);
    await migrateHistory(sql);
    return new HistoryStore(sql);
  };
  const store = await open();
  return {
    store,
    connectAgain: open,
    drop: async () => {
      await store.close();
      await dropDatabase(defaultUrls.postgres, name);
    },
  };
}
