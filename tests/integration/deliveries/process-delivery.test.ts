import { processDelivery } from '@soundcheck/api/deliveries/process-delivery.ts';
import { deliveries } from '@soundcheck/api/deliveries/tables.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { eq } from 'drizzle-orm';
import { s3Transport, sftpTransport } from '../../factories/partners.ts';
import { deliveryRow, queuedDelivery } from '../../factories/queued-delivery.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { waitFor } from '../../utils/wait-for.ts';

/** The same dependencies with a short lease: transportTimeoutMs + 2 s. */
const withLeaseOf = (deps: Deps, transportTimeoutMs: number): Deps => ({
  ...deps,
  config: { ...deps.config, deliveries: { ...deps.config.deliveries, transportTimeoutMs } },
});

describe('the delivery job: lease and timing', {
  tags: ['integration', 'delivery', 'external_deps', 'slow'],
}, () => {
  test('the lease is renewed while one file takes longer than the lease: a second job meanwhile does nothing, BatchComplete is written once', async ({
    api,
    admin,
    deps,
    sftp,
  }) => {
    sftp.reset();
    const { delivery } = await queuedDelivery(api, admin, deps, sftpTransport(sftp), 'batch');
    const short = withLeaseOf(deps, 1_000); // a 3 s lease
    // The first file takes longer to open than the whole lease: only a heartbeat keeps the lease.
    sftp.scenario('*', { delayMs: 4_500, times: 1 });
    const first = processDelivery(short, { deliveryId: delivery.id });
    // The lease held once the upload (held 4.5 s on its first file) has begun: packaging before it may take
    // any time on a busy machine.
    const claimed = await waitFor('the first job to start uploading', async () => {
      const row = await deliveryRow(deps, delivery.id);
      return row?.state === 'uploading' && row.leaseUntil ? row.leaseUntil.getTime() : undefined;
    });
    await waitFor(
      'the first lease to be over',
      () => (Date.now() > claimed + 300 ? true : undefined),
      10_000,
    );
    const renewed = await deliveryRow(deps, delivery.id);
    expect(renewed?.state).toBe('uploading');
    expect(renewed?.leaseUntil?.getTime()).toBeGreaterThan(Date.now());
    // A resumed job (the sweeper's, another worker's) finds the lease held and leaves.
    await processDelivery(short, { deliveryId: delivery.id });
    await first;
    const done = await deliveryRow(deps, delivery.id);
    expect(done).toMatchObject({ state: 'uploaded', leaseUntil: null });
    const paths = sftp.received.map((file) => file.path);
    expect(paths).toEqual(done?.plan?.steps.map((step) => step.path));
  });

  test('a retry job that starts before the delivery is due waits for it instead of dropping it', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'early-bucket', 'in'));
    const due = new Date(Date.now() + 300);
    await deps.db.orm
      .update(deliveries)
      .set({ nextAttemptAt: due, attempts: 1 })
      .where(eq(deliveries.id, delivery.id));
    await processDelivery(deps, { deliveryId: delivery.id });
    const done = await deliveryRow(deps, delivery.id);
    expect(done?.state).toBe('uploaded');
    const pickedUp = await deps.db.query<{ at: Date }>(
      `select at from delivery_events where delivery_id = $1 and state = 'packaging'`,
      [delivery.id],
    );
    expect(pickedUp[0]?.at.getTime()).toBeGreaterThanOrEqual(due.getTime());
  });

  test('a job for a delivery not due for long returns at once and leaves it queued for its own job', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'later-bucket', 'in'));
    await deps.db.orm
      .update(deliveries)
      .set({ nextAttemptAt: new Date(Date.now() + 60_000), attempts: 1 })
      .where(eq(deliveries.id, delivery.id));
    const started = Date.now();
    await processDelivery(deps, { deliveryId: delivery.id });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await deliveryRow(deps, delivery.id)).toMatchObject({ state: 'queued', leaseUntil: null });
    expect(mocks.s3.requestsTo('/later-bucket/')).toEqual([]);
  });
});
