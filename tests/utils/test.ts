import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '@soundcheck/api/app.ts';
import { systemClock } from '@soundcheck/api/clock.ts';
import { type Config, loadConfig } from '@soundcheck/api/config.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { bullmqQueue, type WorkerTuning } from '@soundcheck/api/jobs/bullmq-queue.ts';
import type { JobFailureLogger } from '@soundcheck/api/jobs/inline-queue.ts';
import type { JobQueue } from '@soundcheck/api/jobs/job-queue.ts';
import { bootstrapAdmin } from '@soundcheck/api/users/bootstrap.ts';
import type { FastifyInstance } from 'fastify';
import {
  type ApiClient,
  createApiClient,
  fetchTransport,
  injectTransport,
  type Transport,
} from 'soundcheck/client/http-client.ts';
import { assertNoInternalErrors, recordApiResponse } from 'soundcheck/client/response-log.ts';
import { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import { test as base } from 'vitest';
import { adminCredentials } from '../factories/admin.ts';
import { type SignedInUser, signIn } from '../factories/signed-in.ts';
import { externalDeps } from '../mocks/test-deps.ts';
import { mockEnvironment, startTestMocks, type TestMocks } from '../mocks/test-mocks.ts';
import { type Background, backgroundOf } from './background.ts';
import { openTestDatabase } from './database.ts';
import { openTestRedis } from './redis.ts';
import { type Services, services } from './services.ts';

interface Server {
  transport: Transport;
  /** The in-process app and its dependencies; null in black-box mode (SOUNDCHECK_TARGET). */
  inProcess: { app: FastifyInstance; deps: Deps } | null;
}

function testConfig(
  dataDir: string,
  redisPrefix: string,
  mockEnv: Record<string, string>,
  appEnvironment: Record<string, string>,
): Config {
  const admin = adminCredentials(false);
  return loadConfig({
    ...mockEnv,
    ...appEnvironment,
    NODE_ENV: 'test',
    // Argon2id at test cost: every signed-in user hashes and verifies a password (see passwords.test.ts).
    PASSWORD_HASH_COST: 'test',
    DATA_DIR: dataDir,
    REDIS_PREFIX: redisPrefix,
    BOOTSTRAP_ADMIN_EMAIL: admin.email,
    BOOTSTRAP_ADMIN_PASSWORD: admin.password,
  });
}

type Skip = (note: string) => never;

/** The `bullmq` fixture: opens a queue named `name` under the test's Redis prefix. */
export type OpenBullmq = (name: string, onFailure?: JobFailureLogger, tuning?: WorkerTuning) => JobQueue;

/** In black-box mode (SOUNDCHECK_TARGET) a test that needs the app's insides is skipped, saying why. */
function inProcess(server: Server, skip: Skip): NonNullable<Server['inProcess']> {
  return (
    server.inProcess ??
    skip('needs the in-process app (its database, Redis or secrets); black-box runs cannot reach them')
  );
}

/**
 * The suite's `test`: fixtures for the services found, a database cloned from the migrated template, a
 * Redis namespace, the app, and `api` — the client every test uses (`api.as(user).post(...)`), in-process
 * or black-box alike.
 */
export const test = base
  .extend('services', { scope: 'worker' }, (): Services => services())
  /** Black-box, a test tagged `implementation` (it pins our catalogue or internals) is skipped, saying so. */
  .extend('contractOnly', { auto: true }, ({ services, task, skip }): void => {
    if (services.target && task.tags?.includes('implementation'))
      skip('tagged implementation: it pins this repository’s catalogue or internals, not the contract');
  })
  /** Where the app keeps objects: the local directory by default, the S3 mock with `test.override({ storageKind: 's3' })`. */
  .extend('storageKind', { scope: 'file' }, (): 'file' | 's3' => 'file')
  /**
   * Settings of the file's in-process app, as environment variables (`test.override({ appEnvironment: {…} })`);
   * black-box the deployment has its own.
   */
  .extend('appEnvironment', { scope: 'file' }, (): Record<string, string> => ({}))
  /** The third parties' mocks (S3, SMTP, MusicBrainz), and the guard failing any other outbound request. */
  .extend('mockServers', { scope: 'file' }, async ({ services }, { onCleanup }): Promise<TestMocks> => {
    const { mocks, stop } = await startTestMocks(services.target ? [services.target] : []);
    onCleanup(stop);
    return mocks;
  })
  .extend(
    'server',
    { scope: 'file' },
    async ({ services, mockServers, storageKind, appEnvironment }, { onCleanup }) => {
      if (services.target) return { transport: fetchTransport(services.target), inProcess: null };
      const closers: Array<() => unknown> = [];
      onCleanup(async () => {
        for (const close of closers.reverse()) await close();
      });
      const dataDir = mkdtempSync(path.join(tmpdir(), 'soundcheck-'));
      closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const db = await openTestDatabase(services);
      closers.push(() => db.close());
      const { redis, close } = await openTestRedis(services);
      closers.push(close);
      const config = testConfig(
        dataDir,
        String(redis.options.keyPrefix),
        mockEnvironment(mockServers, storageKind),
        appEnvironment,
      );
      const deps: Deps = {
        config,
        db,
        redis,
        clock: systemClock,
        ...externalDeps(config, redis, systemClock),
      };
      closers.push(() => deps.queue.close());
      const app = await buildApp(deps);
      closers.push(() => app.close());
      await bootstrapAdmin(db, config.bootstrapAdmin, config.passwordHashCost);
      return { transport: injectTransport((options) => app.inject(options)), inProcess: { app, deps } };
    },
  )
  /** True in a black-box run (SOUNDCHECK_TARGET): only the contract may be asserted. */
  .extend('blackBox', ({ server }): boolean => server.inProcess === null)
  /** The target's jobs and sweeps: run on demand in-process, left to the target's own workers black-box. */
  .extend('background', ({ server }): Background => backgroundOf(server.inProcess?.deps ?? null))
  .extend('app', ({ server, skip }) => inProcess(server, skip as Skip).app)
  .extend('deps', ({ server, skip }) => inProcess(server, skip as Skip).deps)
  .extend('db', ({ deps }) => deps.db)
  /** The mocks, reset after the test; the test fails if anything called out to an unmocked host. */
  .extend('mocks', ({ mockServers }, { onCleanup }): TestMocks => {
    mockServers.manager.resetAllMocks();
    onCleanup(() => {
      mockServers.manager.resetAllMocks();
      mockServers.guard.assertNoneRefused();
    });
    return mockServers;
  })
  /** The real Redis server; without one the test is skipped with the reason (a failure under SOUNDCHECK_STRICT=1). */
  .extend('realRedis', ({ deps, services, skip }) => {
    if (!services.redis) skip(`needs a real Redis server: ${services.missing.redis ?? 'not configured'}`);
    return deps.redis;
  })
  .extend('api', ({ server, mockServers, task }, { onCleanup }): ApiClient => {
    onCleanup(() => {
      // An outbound call to a host no mock covers fails the test, naming the URL.
      mockServers.guard.assertNoneRefused();
      // So does any 500 the API answered: bad input must get a 4xx, whatever the test asserted.
      assertNoInternalErrors(task.meta);
    });
    return createApiClient(server.transport, (request, response) =>
      recordApiResponse(task.meta, request, response),
    );
  })
  /**
   * `bullmq(name)` opens a BullMQ queue of this test's own on the real Redis (under the test's Redis prefix,
   * `name` telling two apart) and closes it when the test ends, passed or failed.
   */
  .extend('bullmq', ({ services, realRedis }, { onCleanup }) => {
    const opened: JobQueue[] = [];
    onCleanup(async () => {
      await Promise.all(opened.map((queue) => queue.close()));
    });
    const open: OpenBullmq = (name, onFailure, tuning) => {
      const queue = bullmqQueue(
        services.redis ?? '',
        `${realRedis.options.keyPrefix}${name}`,
        onFailure,
        tuning,
      );
      opened.push(queue);
      return queue;
    };
    return open;
  })
  /** An SFTP partner (the mock), started for the file's tests that ask for it and stopped after them. */
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's needs from its destructuring; this one needs none.
  .extend('sftp', { scope: 'file' }, async ({}, { onCleanup }): Promise<SftpMock> => {
    const sftp = new SftpMock({ name: 'partner-sftp' });
    await sftp.start();
    onCleanup(() => sftp.stop());
    return sftp;
  })
  /** The first admin, signed in through the API (black-box: the deployment's BOOTSTRAP_ADMIN_*). */
  .extend('admin', async ({ api, server }): Promise<SignedInUser> => {
    const { email, password } = adminCredentials(server.inProcess === null);
    return signIn(api, email, password);
  });

export { describe, expect } from 'vitest';
