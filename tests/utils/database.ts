import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connectPostgres, type Database, openPglite } from '@soundcheck/api/db/database.ts';
import { cloneDatabase } from 'soundcheck/fixtures/databases.ts';
import type { Services } from './services.ts';

/** Connections of each test file's database pool (its app's, too). */
export const TEST_POOL_SIZE = 10;

/**
 * A database of this test file's own: a clone of the migrated template on PostgreSQL, or — on a machine
 * without PostgreSQL (the bare-machine `npm run qa`) — an in-memory PGlite loaded from a migrated dump.
 */
export async function openTestDatabase(services: Services): Promise<Database> {
  if (services.pgliteTemplate) return openPglite(null, new Blob([readFileSync(services.pgliteTemplate)]));
  if (!services.postgres || !services.template)
    throw new Error('no database: the pre-test setup prepared none');
  const name = `${services.clonePrefix}${process.env.VITEST_POOL_ID ?? '0'}_${randomBytes(3).toString('hex')}`;
  const url = await cloneDatabase(services.postgres, services.template, name);
  // Closed, not dropped, when the file ends: the run's teardown drops all its clones at once, off the
  // critical path of each file.
  return connectPostgres(url, { poolSize: TEST_POOL_SIZE, sessionOptions: '-c synchronous_commit=off' });
}
