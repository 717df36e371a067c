import { enqueueDelivery } from '@soundcheck/api/deliveries/enqueue.ts';
import { deliveryEvents } from '@soundcheck/api/deliveries/tables.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { bullmqQueue } from '@soundcheck/api/jobs/bullmq-queue.ts';
import { asc, eq } from 'drizzle-orm';
import { s3Transport, sftpTransport } from '../../factories/partners.ts';
import {
  deliveryRow,
  queuedDeliveries,
  queuedDelivery,
  settledDelivery,
} from '../../factories/queued-delivery.ts';
import { type Child, processTestTimeout } from '../../utils/child.ts';
import { expectBatchChoreography } from '../../utils/choreography-check.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { waitFor } from '../../utils/wait-for.ts';
import { ownRedisOrSkip } from './support/own-redis.ts';
import { startWorkerProcess, workerDatabaseUrl } from './support/worker-process.ts';

const eventsOf = async (deps: Deps, id: string) =>
  deps.db.orm
    .select({ state: deliveryEvents.state, detail: deliveryEvents.detail })
    .from(deliveryEvents)
    .where(eq(deliveryEvents.deliveryId, id))
    .orderBy(asc(deliveryEvents.id));

/** Puts the delivery's job on the queue the worker processes will read, as the API does with Redis. */
async function enqueueOn(
  redisUrl: string,
  redisPrefix: string,
  deps: Deps,
  delivery: Parameters<typeof enqueueDelivery>[1],
) {
  const queue = bullmqQueue(redisUrl, `${redisPrefix}bull`);
  try {
    await enqueueDelivery({ queue, clock: deps.clock }, delivery);
  } finally {
    await queue.close();
  }
}

// In-process only, and rightly so: these tests kill worker processes and restart or empty Redis, which a
// black-box run cannot do to a deployment it only reaches over HTTP.
describe('delivery recovery with worker processes', {
  tags: ['e2e', 'delivery', 'redis', 'external_deps', 'slow'],
  timeout: processTestTimeout(3),
}, () => {
  test('a worker killed mid-upload: another worker resumes the batch, skips what arrived, writes BatchComplete once', async ({
    api,
    admin,
    deps,
    services,
    realRedis,
    skip,
    sftp,
  }) => {
    const databaseUrl = await workerDatabaseUrl(deps, services, skip);
    sftp.reset();
    const { upc, delivery } = await queuedDelivery(api, admin, deps, sftpTransport(sftp), 'batch');
    const settings = {
      databaseUrl,
      redisUrl: services.redis ?? '',
      redisPrefix: `${realRedis.options.keyPrefix}w:`,
      sweepIntervalMs: 200,
      transportTimeoutMs: 3_000,
    };
    const workers: Child[] = [];
    try {
      // Every file the partner opens takes 1.5 s: the first worker is caught between two files.
      sftp.scenario('*', { delayMs: 1_500 });
      workers.push(await startWorkerProcess(deps, settings));
      await enqueueOn(settings.redisUrl, settings.redisPrefix, deps, delivery);
      await waitFor('the first file to arrive', () => (sftp.received.length >= 1 ? true : undefined), 30_000);
      await workers[0]?.kill('SIGKILL');
      const stranded = await deliveryRow(deps, delivery.id);
      expect(stranded?.state).toBe('uploading');
      expect(stranded?.leaseUntil).not.toBeNull();

      sftp.scenario('*', { times: 0 });
      workers.push(await startWorkerProcess(deps, settings));
      const done = await settledDelivery(deps, delivery.id, 'the resumed delivery', 30_000);
      expect(done.state).toBe('uploaded');
      const batchId = done.batchId as string;
      const manifest = sftp.read(`${batchId}/BatchComplete_${batchId}.xml`).toString('utf8');
      const message = expectBatchChoreography(sftp.received, batchId, manifest);
      expect(message.path).toBe(`${batchId}/${upc}/${upc}.xml`);
      // No file was completed twice: the second worker skipped what the first one had finished.
      const paths = sftp.received.map((file) => file.path);
      expect(new Set(paths).size).toBe(paths.length);
      expect(paths).toHaveLength(done.plan?.steps.length ?? -1);
      const events = await eventsOf(deps, delivery.id);
      expect(events.map((event) => event.state)).toEqual(['queued', 'packaging', 'uploading', 'uploaded']);
      const sent = Number(/^uploaded (\d+) of/.exec(events.at(-1)?.detail ?? '')?.[1]);
      expect(sent).toBe(paths.length - 1);
    } finally {
      for (const worker of workers) await worker.kill('SIGKILL');
    }
  });

  test('Redis restarted: a queued delivery job survives the restart; a running worker reconnects and takes new jobs', async ({
    api,
    admin,
    deps,
    mocks,
    services,
    skip,
  }) => {
    const databaseUrl = await workerDatabaseUrl(deps, services, skip);
    const redis = ownRedisOrSkip(skip);
    const first = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'restart-bucket', 'in'));
    const second = await queuedDeliveries(api, admin, deps, [first.partner.id]);
    let worker: Child | null = null;
    try {
      await redis.start();
      // The sweeper is slowed to once an hour: only the job kept by Redis can deliver these.
      const settings = {
        databaseUrl,
        redisUrl: redis.url,
        redisPrefix: 'sc:',
        sweepIntervalMs: 3_600_000,
      };
      await enqueueOn(redis.url, settings.redisPrefix, deps, first.delivery);
      await redis.stop();
      await redis.start();
      worker = await startWorkerProcess(deps, settings);
      const firstDone = await settledDelivery(
        deps,
        first.delivery.id,
        'the job queued before the restart',
        30_000,
      );
      expect(firstDone.state).toBe('uploaded');

      // Redis goes away under a running worker and comes back: the worker reconnects by itself.
      await redis.stop();
      await redis.start();
      await enqueueOn(redis.url, settings.redisPrefix, deps, second.deliveries[0]!);
      const secondDone = await settledDelivery(
        deps,
        second.deliveries[0]!.id,
        'the job queued after the restart',
        30_000,
      );
      expect(secondDone.state).toBe('uploaded');
      expect(worker.process.exitCode).toBeNull();
    } finally {
      await worker?.kill('SIGKILL');
      await redis.remove();
    }
  });

  test('Redis lost every key: the sweeper finds the queued delivery in the database and delivers it', async ({
    api,
    admin,
    deps,
    mocks,
    services,
    skip,
  }) => {
    const databaseUrl = await workerDatabaseUrl(deps, services, skip);
    const redis = ownRedisOrSkip(skip);
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'lost-bucket', 'in'));
    let worker: Child | null = null;
    try {
      await redis.start();
      const settings = {
        databaseUrl,
        redisUrl: redis.url,
        redisPrefix: 'sc:',
        sweepIntervalMs: 300,
      };
      await enqueueOn(redis.url, settings.redisPrefix, deps, delivery);
      await redis.stop();
      redis.forgetEverything();
      await redis.start();
      worker = await startWorkerProcess(deps, settings);
      const done = await settledDelivery(deps, delivery.id, 'the swept delivery', 30_000);
      expect(done.state).toBe('uploaded');
      expect(
        mocks.s3
          .object('lost-bucket', `in/${done.plan?.folder}/${done.plan?.folder.split('_')[0]}.xml`)
          ?.body.toString('utf8'),
      ).toBe(done.ern);
    } finally {
      await worker?.kill('SIGKILL');
      await redis.remove();
    }
  });
});
