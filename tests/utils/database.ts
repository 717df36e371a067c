import { randomBytes } from 'node:crypto';
import { connectPostgres, type Database, openPglite } from '@soundcheck/api/db/database.ts';
import { migrateUp } from '@soundcheck/api/db/migrate.ts';
import { cloneDatabase } from 'soundcheck/fixtures/databases.ts';
import type { Services } from './services.ts';

/**
 * A database of this test file's own: a clone of the migrated template on PostgreSQL, or — on a machine
 * without PostgreSQL (the bare-machine `npm run qa`) — an in-memory PGlite migrated from scratch.
 */
export async function openTestDatabase(services: Services): Promise<Database> {
  if (!services.postgres || !services.template) {
    const db = await openPglite(null);
    await migrateUp(db);
    return db;
  }
  const name = `${services.clonePrefix}${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(3).toString('hex')}`;
  const url = await cloneDatabase(services.postgres, services.template, name);
  // Closed, not dropped, when the file ends: the run's teardown drops all its clones at once, off the
  // critical path of each file.
  return connectPostgres(url, { poolSize: 4, sessionOptions: '-c synchronous_commit=off' });
}
