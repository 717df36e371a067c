import { randomBytes } from 'node:crypto';
import { connectPostgres } from '@soundcheck/api/db/database.ts';
import { migratedTemplate, migrationsFingerprint, templateFile } from '@soundcheck/api/db/embedded.ts';
import { migrateUp } from '@soundcheck/api/db/migrate.ts';
import { dropDatabases, ensureTemplate } from 'soundcheck/fixtures/databases.ts';
import { emptyPglite } from 'soundcheck/history/new-pglite.ts';
import { checkServices, defaultUrls } from 'soundcheck/services/health.ts';
import type { TestProject } from 'vitest/node';
import { writeTargetRunCoverage } from '../contract/report.ts';
import type { Services } from './services.ts';

const CLONE_PREFIX = 'sc_t_';

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
  writeTargetRunCoverage(process.env);
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
  // The embedded templates are warmed on every run: API processes that tests start on a bare environment
  // and new embedded histories begin from them; without them each would run its own initdb.
  const embedded = target ? null : Promise.all([migratedTemplate(), emptyPglite()]);
  if (postgres && !target) {
    services.template = `soundcheck_tpl_${migrationsFingerprint()}`;
    await ensureTemplate(postgres, services.template, async (url) => {
      const db = await connectPostgres(url, { poolSize: 1 });
      try {
        await migrateUp(db);
      } finally {
        await db.close();
      }
    });
  }
  await embedded;
  // Without PostgreSQL, every test file loads its database from that template.
  if (!postgres && !target) services.pgliteTemplate = templateFile();
  project.provide('services', services);
  return async () => {
    if (postgres && !target) await dropDatabases(postgres, services.clonePrefix);
  };
}
