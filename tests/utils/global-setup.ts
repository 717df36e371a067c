import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectPostgres, openPglite } from '@soundcheck/api/db/database.ts';
import { loadMigrations, migrateUp } from '@soundcheck/api/db/migrate.ts';
import { dropDatabases, ensureTemplate } from 'soundcheck/fixtures/databases.ts';
import { checkServices, defaultUrls } from 'soundcheck/services/health.ts';
import type { TestProject } from 'vitest/node';
import type { Services } from './services.ts';

const CLONE_PREFIX = 'sc_t_';

function templateName(): string {
  const fingerprint = createHash('sha256');
  for (const migration of loadMigrations()) fingerprint.update(`${migration.version}\n${migration.up}\n`);
  return `soundcheck_tpl_${fingerprint.digest('hex').slice(0, 12)}`;
}

/** Without PostgreSQL: one migrated PGlite, dumped to a file that every test file starts from. */
async function pgliteTemplate(runToken: string): Promise<string> {
  const db = await openPglite(null);
  try {
    await migrateUp(db);
    const file = path.join(tmpdir(), `soundcheck-pglite-${runToken}.tar`);
    writeFileSync(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
    return file;
  } finally {
    await db.close();
  }
}

/**
 * Pre-test phase, once per run: names each missing service with how to start it, fails in strict mode,
 * and migrates a template database that every test file clones.
 */
export default async function setup(project: TestProject) {
  const strict = process.env.SOUNDCHECK_STRICT === '1';
  const target = process.env.SOUNDCHECK_TARGET || null;
  const statuses = await checkServices();
  const missing = statuses.filter((status) => !status.ok);
  for (const status of missing) console.warn(`soundcheck: ${status.reason}`);
  if (strict && missing.length) {
    throw new Error(
      `SOUNDCHECK_STRICT=1 and ${missing.map((s) => s.name).join(' and ')} unavailable; see above`,
    );
  }
  const postgres = statuses.find((status) => status.name === 'postgres')?.ok ? defaultUrls.postgres : null;
  const redis = statuses.find((status) => status.name === 'redis')?.ok ? defaultUrls.redis : null;
  const runToken = randomBytes(4).toString('hex');
  // Clones of runs that were killed before their teardown; a concurrent run's clones are in use and stay.
  if (postgres && !target) await dropDatabases(postgres, CLONE_PREFIX, { onlyIdle: true });
  const services: Services = {
    postgres,
    redis,
    template: null,
    pgliteTemplate: null,
    clonePrefix: `${CLONE_PREFIX}${runToken}_`,
    runToken,
    target,
    missing: Object.fromEntries(missing.map((status) => [status.name, status.reason ?? 'unavailable'])),
  };
  if (!postgres && !target) services.pgliteTemplate = await pgliteTemplate(runToken);
  if (postgres && !target) {
    services.template = templateName();
    await ensureTemplate(postgres, services.template, async (url) => {
      const db = await connectPostgres(url, { poolSize: 1 });
      try {
        await migrateUp(db);
      } finally {
        await db.close();
      }
    });
  }
  project.provide('services', services);
  return async () => {
    if (services.pgliteTemplate) rmSync(services.pgliteTemplate, { force: true });
    if (postgres && !target) await dropDatabases(postgres, services.clonePrefix);
  };
}
