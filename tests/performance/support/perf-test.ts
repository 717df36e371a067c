import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { cloneDatabase } from 'soundcheck/fixtures/databases.ts';
import { perfAdmin, startApiUnderTest } from 'soundcheck/perf/compare/api-under-test.ts';
import { adminCredentials } from '../../factories/admin.ts';
import { test as base } from '../../utils/test.ts';

const repo = path.resolve(import.meta.dirname, '../../..');

/**
 * The performance suite's `test`. `loadTarget` is a URL the load engine can drive: the deployment in a
 * black-box run, otherwise the API as its own process on a clone of the migrated template (the generator
 * must not share an event loop with the server it measures). `smokeTarget` is cheaper: the file's
 * in-process app listening on a free port — for deterministic checks, not for figures.
 */
export const test = base
  .extend('loadTarget', { scope: 'file' }, async ({ services }, { onCleanup }): Promise<string> => {
    if (services.target) return services.target;
    Object.assign(process.env, {
      BOOTSTRAP_ADMIN_EMAIL: perfAdmin.email,
      BOOTSTRAP_ADMIN_PASSWORD: perfAdmin.password,
    });
    const database =
      services.postgres && services.template
        ? await cloneDatabase(
            services.postgres,
            services.template,
            `${services.clonePrefix}load_${randomBytes(3).toString('hex')}`,
          )
        : undefined;
    const api = await startApiUnderTest(repo, 'the API under load', {
      env: { ...process.env, REDIS_URL: services.redis ?? '' },
      ...(database ? { database } : {}),
    });
    onCleanup(() => api.stop());
    return api.url;
  })
  .extend('smokeTarget', { scope: 'file' }, async ({ services, server }): Promise<string> => {
    if (services.target) return services.target;
    const app = server.inProcess!.app;
    const { email, password } = adminCredentials(false);
    Object.assign(process.env, { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password });
    return app.listen({ port: 0, host: '127.0.0.1' });
  });

export { describe, expect } from '../../utils/test.ts';
