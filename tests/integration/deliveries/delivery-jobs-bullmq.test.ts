import path from 'node:path';
import { DELIVERY_QUEUE, enqueueDelivery } from '@soundcheck/api/deliveries/enqueue.ts';
import { deliveryEvents } from '@soundcheck/api/deliveries/tables.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { registerJobHandlers } from '@soundcheck/api/jobs/handlers.ts';
import { asc, eq } from 'drizzle-orm';
import { onTestFinished } from 'vitest';
import { s3Transport } from '../../factories/partners.ts';
import { queuedDelivery, settledDelivery } from '../../factories/queued-delivery.ts';
import { processTestTimeout, startChild } from '../../utils/child.ts';
import { describe, expect, type OpenBullmq, test } from '../../utils/test.ts';

const hangingWorker = path.join(import.meta.dirname, 'support/hanging-worker.ts');

interface Failure {
  queue: string;
  message: string;
  attempt: number;
}

/**
 * The app's dependencies with a BullMQ queue of this test's own (the `bullmq` fixture, closed after it) in place
 * of the harness's inline queue, every job handler registered on it, as `npm run worker` does.
 */
function onBullmq(deps: Deps, bullmq: OpenBullmq, name: string) {
  const failures: Failure[] = [];
  const queue = bullmq(
    name,
    (queueName, error, attempt) =>
      failures.push({ queue: queueName, message: (error as Error).message, attempt }),
    { lockDurationMs: 1_000, stalledIntervalMs: 500 },
  );
  const jobDeps: Deps = { ...deps, queue };
  registerJobHandlers(jobDeps);
  return { jobDeps, queue, failures };
}

const eventsOf = async (deps: Deps, id: string) =>
  (
    await deps.db.orm
      .select()
      .from(deliveryEvents)
      .where(eq(deliveryEvents.deliveryId, id))
      .orderBy(asc(deliveryEvents.id))
  ).map((event) => ({ state: event.state, detail: event.detail, at: event.at.getTime() }));

describe('delivery jobs on real Redis and BullMQ', {
  tags: ['integration', 'delivery', 'redis', 'external_deps', 'slow'],
}, () => {
  test('a queued delivery job runs on a BullMQ worker: packaged, uploaded to the partner, the release waits for the ACK', async ({
    api,
    admin,
    deps,
    mocks,
    bullmq,
  }) => {
    const { upc, releaseId, owner, delivery } = await queuedDelivery(
      api,
      admin,
      deps,
      s3Transport(mocks.s3, 'bull-run', 'in'),
    );
    const { jobDeps, queue, failures } = onBullmq(deps, bullmq, 'bull1');
    await queue.startWorkers();
    await enqueueDelivery(jobDeps, delivery);
    const done = await settledDelivery(deps, delivery.id, 'the delivery to settle');
    expect(done.state).toBe('uploaded');
    expect((await eventsOf(deps, delivery.id)).map((event) => event.state)).toEqual([
      'queued',
      'packaging',
      'uploading',
      'uploaded',
    ]);
    const keys = [...mocks.s3.objects.keys()].filter((key) => key.startsWith('bull-run/in/'));
    const folder = done.plan?.folder;
    expect(keys.sort()).toEqual(done.plan?.steps.map((step) => `bull-run/in/${step.path}`).sort());
    expect(keys).toContain(`bull-run/in/${folder}/${upc}.xml`);
    expect(mocks.s3.object('bull-run', `in/${folder}/${upc}.xml`)?.body.toString('utf8')).toBe(done.ern);
    const release = await api.as(owner).get<{ state: string }>(`/v1/releases/${releaseId}`);
    expect(release.body.state).toBe('distributing');
    expect(failures).toEqual([]);
  });

  test('transport errors re-queue the delivery as delayed BullMQ jobs with growing backoff, then it succeeds', async ({
    api,
    admin,
    deps,
    mocks,
    bullmq,
  }) => {
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'bull-retry', 'in'));
    // The partner answers 503 to the first two uploads, then recovers.
    mocks.s3.scenario('/bull-retry/', { status: 503, times: 2 });
    const { jobDeps, queue } = onBullmq(deps, bullmq, 'bull2');
    await queue.startWorkers();
    await enqueueDelivery(jobDeps, delivery);
    const done = await settledDelivery(deps, delivery.id, 'the delivery to settle');
    expect(done).toMatchObject({ state: 'uploaded', attempts: 2 });
    const events = await eventsOf(deps, delivery.id);
    expect(events.map((event) => event.state)).toEqual([
      'queued',
      'packaging',
      'uploading',
      'queued',
      'packaging',
      'uploading',
      'queued',
      'packaging',
      'uploading',
      'uploaded',
    ]);
    const retries = events.filter((event) => event.detail.startsWith('transport error'));
    expect(retries.map((event) => event.detail)).toEqual([
      expect.stringMatching(/^transport error \(attempt 1\): S3 .*/),
      expect.stringMatching(/^transport error \(attempt 2\): S3 .*/),
    ]);
    // Equal jitter: the wait after attempt n is at least half of min(cap, base·2^(n-1)).
    const { backoffBaseMs: base, backoffCapMs: cap } = deps.config.deliveries;
    const pickedUp = events.filter((event) => event.state === 'packaging');
    for (const [n, retry] of retries.entries()) {
      const next = pickedUp[n + 1] as { at: number };
      expect(next.at - retry.at).toBeGreaterThanOrEqual(Math.min(cap, base * 2 ** n) / 2 - 5);
    }
  });

  test('a worker that dies mid-job leaves a stalled job that another worker picks up and finishes', {
    timeout: processTestTimeout(),
  }, async ({ api, admin, deps, mocks, services, realRedis, bullmq }) => {
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'bull-stall', 'in'));
    const prefix = `${realRedis.options.keyPrefix}bull3`;
    const dying = startChild(hangingWorker, [services.redis ?? '', prefix, DELIVERY_QUEUE]);
    const { jobDeps, queue, failures } = onBullmq(deps, bullmq, 'bull3');
    onTestFinished(() => dying.kill('SIGKILL'));
    await dying.printed(/^ready$/m);
    await enqueueDelivery(jobDeps, delivery);
    await dying.printed(new RegExp(`started \\{"deliveryId":"${delivery.id}"\\}`));
    await dying.kill('SIGKILL');
    // Only now does this process consume: the job can reach it only through stalled-job recovery.
    await queue.startWorkers();
    const done = await settledDelivery(deps, delivery.id, 'the stalled job to be recovered');
    expect(done.state).toBe('uploaded');
    const messages = mocks.s3
      .requestsTo('/bull-stall/')
      .filter((request) => request.method === 'PUT' && request.path.endsWith('.xml'));
    expect(messages).toHaveLength(1);
    expect(failures).toEqual([]);
  });

  test('the same job twice runs once, and two jobs for one delivery racing give one upload and one outcome', async ({
    api,
    admin,
    deps,
    mocks,
    bullmq,
  }) => {
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'bull-twice', 'in'));
    const { jobDeps, queue } = onBullmq(deps, bullmq, 'bull4');
    // Enqueued three times under the same job id (a retried request), and once more under another id
    // (the sweeper resuming it) before any worker runs: the lease lets exactly one of them work.
    await enqueueDelivery(jobDeps, delivery);
    await enqueueDelivery(jobDeps, delivery);
    await enqueueDelivery(jobDeps, delivery);
    await jobDeps.queue.add(
      DELIVERY_QUEUE,
      { deliveryId: delivery.id },
      { jobId: `${delivery.id}.resume.1` },
    );
    await queue.startWorkers();
    const done = await settledDelivery(deps, delivery.id, 'the delivery to settle');
    await queue.drain();
    expect(done.state).toBe('uploaded');
    const puts = mocks.s3
      .requestsTo('/bull-twice/')
      .filter((request) => request.method === 'PUT')
      .map((request) => request.path)
      .sort();
    expect(puts).toEqual(done.plan?.steps.map((step) => `/bull-twice/in/${step.path}`).sort());
    expect((await eventsOf(deps, delivery.id)).map((event) => event.state)).toEqual([
      'queued',
      'packaging',
      'uploading',
      'uploaded',
    ]);
  });
});
