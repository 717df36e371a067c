import { leaseOf } from '@soundcheck/api/deliveries/lease.ts';
import { deliveries } from '@soundcheck/api/deliveries/tables.ts';
import { eq } from 'drizzle-orm';
import { s3Transport } from '../../factories/partners.ts';
import { deliveryRow, queuedDelivery } from '../../factories/queued-delivery.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('a worker’s lease on a delivery', { tags: ['integration', 'delivery', 'database'] }, () => {
  test('two renewals at once (heartbeat and upload step) both keep the lease', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'lease-bucket', 'in'));
    const taken = new Date(Date.now() + 5_000);
    await deps.db.orm.update(deliveries).set({ leaseUntil: taken }).where(eq(deliveries.id, delivery.id));
    const lease = leaseOf(deps, delivery.id, taken);
    expect(await Promise.all([lease.renew(), lease.renew()])).toEqual([true, true]);
    expect((await deliveryRow(deps, delivery.id))?.leaseUntil?.getTime()).toBeGreaterThan(taken.getTime());
    await lease.release();
    expect((await deliveryRow(deps, delivery.id))?.leaseUntil).toBeNull();
  });

  test('a lease taken over by another worker is neither renewed nor released', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const { delivery } = await queuedDelivery(
      api,
      admin,
      deps,
      s3Transport(mocks.s3, 'lease-bucket-2', 'in'),
    );
    const ours = new Date(Date.now() + 5_000);
    const theirs = new Date(Date.now() + 9_000);
    await deps.db.orm.update(deliveries).set({ leaseUntil: theirs }).where(eq(deliveries.id, delivery.id));
    const lease = leaseOf(deps, delivery.id, ours);
    expect(await lease.renew()).toBe(false);
    await lease.release();
    expect((await deliveryRow(deps, delivery.id))?.leaseUntil?.getTime()).toBe(theirs.getTime());
  });
});
