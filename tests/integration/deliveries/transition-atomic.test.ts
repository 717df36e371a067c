import { deliveryEvents } from '@soundcheck/api/deliveries/tables.ts';
import { transitionDelivery } from '@soundcheck/api/deliveries/transition.ts';
import { eq } from 'drizzle-orm';
import { s3Transport } from '../../factories/partners.ts';
import { deliveryRow, queuedDelivery } from '../../factories/queued-delivery.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('a delivery transition', { tags: ['integration', 'delivery', 'database'] }, () => {
  // The state and its event are one change: a worker that saw 'uploaded' and read the trail found no
  // 'uploaded' event yet (the calendar run caught it), and a crash between the two would lose the event.
  test('whose event cannot be written leaves the delivery where it was', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const { delivery } = await queuedDelivery(api, admin, deps, s3Transport(mocks.s3, 'atomic-bucket', 'in'));
    const eventsBefore = await deps.db.orm
      .select()
      .from(deliveryEvents)
      .where(eq(deliveryEvents.deliveryId, delivery.id));
    // A null detail breaks the event's NOT NULL constraint after the state UPDATE has matched.
    await expect(
      transitionDelivery(deps.db.orm, delivery, 'worker_picks_up', new Date(), null as unknown as string),
    ).rejects.toThrow();
    expect((await deliveryRow(deps, delivery.id))?.state).toBe('queued');
    expect(
      await deps.db.orm.select().from(deliveryEvents).where(eq(deliveryEvents.deliveryId, delivery.id)),
    ).toEqual(eventsBefore);
  });
});
