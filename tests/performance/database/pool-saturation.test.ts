import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { cloneDatabase } from 'soundcheck/fixtures/databases.ts';
import { perfAdmin, startApiUnderTest } from 'soundcheck/perf/compare/api-under-test.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { signedIn, signIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const POOL_SIZE = 2;
// Longer than the pool's 5 s default, so that only a lower bound is needed to tell the setting reached the
// pool: slowness can only lengthen a wait, never shorten it below the timeout.
const QUEUE_TIMEOUT_MS = 6000;
const REQUESTS = 8;

interface Answer {
  status: number;
  code?: string;
  retryAfter?: string;
  afterMs: number;
}

/** Resolves once `count` of `answers` have settled, or after `boundMs` with what has. */
async function settled(answers: Answer[], count: number, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (answers.length < count && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('database pool saturation', { tags: ['performance', 'database', 'slow'] }, () => {
  test('more concurrent requests than connections queue; past the queue timeout they get 503 with retry-after', async ({
    services,
    skip,
  }) => {
    if (services.target) skip('holds a lock in the API’s own database: needs our API as its own process');
    const { postgres, template } = services;
    if (!postgres || !template) return skip('needs PostgreSQL: PGlite has no connection pool');
    const database = await cloneDatabase(
      postgres,
      template,
      `${services.clonePrefix}pool_${randomBytes(3).toString('hex')}`,
    );
    const server = await startApiUnderTest(repo, `the API with a pool of ${POOL_SIZE}`, {
      env: { ...process.env, REDIS_URL: services.redis ?? '' },
      database,
      workers: false,
      settings: { DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_POOL_TIMEOUT_MS: String(QUEUE_TIMEOUT_MS) },
    });
    const holder = new pg.Client({ connectionString: database });
    try {
      const http = createApiClient(fetchTransport(server.url));
      const admin = await signIn(http, perfAdmin.email, perfAdmin.password);
      const manager = await signedIn(http, admin, { role: 'label_manager' });
      const release = await releaseFactory.single().as(http, manager).create();

      // Every read of a release now waits on the lock, holding the pool connection it runs on.
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE releases IN ACCESS EXCLUSIVE MODE');
      const answers: Answer[] = [];
      const sentAt = performance.now();
      const all = Array.from({ length: REQUESTS }, async () => {
        const response = await http.as(manager).get<{ code?: string }>(`/v1/releases/${release.id}`);
        answers.push({
          status: response.status,
          afterMs: performance.now() - sentAt,
          ...(response.body?.code ? { code: response.body.code } : {}),
          ...(response.headers['retry-after'] ? { retryAfter: String(response.headers['retry-after']) } : {}),
        });
      });
      // Those past the connections wait their queue timeout, then are shed — while the lock is still held.
      await settled(answers, REQUESTS - POOL_SIZE, 60_000);
      const shed = [...answers];
      await holder.query('COMMIT');
      await Promise.all(all);

      expect(shed.map((answer) => [answer.status, answer.code, answer.retryAfter])).toEqual(
        Array.from({ length: REQUESTS - POOL_SIZE }, () => [
          503,
          'SERVICE_UNAVAILABLE',
          expect.stringMatching(/^[1-9]\d*$/),
        ]),
      );
      // They queued first: none was shed before the configured timeout (DATABASE_POOL_TIMEOUT_MS) ran out,
      // which the 5 s default would have done.
      const waited = shed.map((answer) => Math.round(answer.afterMs));
      expect(Math.min(...waited), `shed after ${waited.join(', ')} ms`).toBeGreaterThanOrEqual(
        QUEUE_TIMEOUT_MS - 5,
      );
      // The requests holding the connections were answered once the lock went, in full.
      expect(answers.slice(shed.length).map((answer) => answer.status)).toEqual(
        Array.from({ length: POOL_SIZE }, () => 200),
      );
      expect((await http.as(manager).get(`/v1/releases/${release.id}`)).status).toBe(200);
    } finally {
      await holder.end().catch(() => undefined);
      await server.stop();
    }
  });
});
