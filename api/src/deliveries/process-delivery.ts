import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import type { DeliveryJob } from './enqueue.ts';
import { packageDelivery } from './package-delivery.ts';
import { type DeliveryRow, deliveries } from './tables.ts';
import { transitionDelivery } from './transition.ts';
import { uploadDelivery } from './upload-delivery.ts';

const leaseMs = (deps: Pick<Deps, 'config'>) => deps.config.deliveries.transportTimeoutMs + 2_000;

/**
 * Takes the delivery for this worker: only one worker holds an unexpired lease, so a stalled job that
 * BullMQ hands to a second worker while the first still runs does nothing. A worker that dies leaves a lease
 * that expires, and the sweep (or BullMQ's stalled-job recovery) resumes the delivery elsewhere.
 */
async function claim(deps: Deps, id: string): Promise<DeliveryRow | null> {
  const now = deps.clock.now();
  const [row] = await deps.db.orm
    .update(deliveries)
    .set({ leaseUntil: new Date(now.getTime() + leaseMs(deps)) })
    .where(
      and(
        eq(deliveries.id, id),
        inArray(deliveries.state, ['queued', 'packaging', 'uploading']),
        or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now)),
        or(
          isNull(deliveries.nextAttemptAt),
          lte(deliveries.nextAttemptAt, now),
          sql`${deliveries.state} <> 'queued'`,
        ),
      ),
    )
    .returning();
  return row ?? null;
}

/** The delivery job: package → upload → (await ack), each step idempotent and resumable. */
export async function processDelivery(deps: Deps, job: DeliveryJob): Promise<void> {
  let delivery = await claim(deps, job.deliveryId);
  if (!delivery) return;
  const renewLease = async () => {
    await deps.db.orm
      .update(deliveries)
      .set({ leaseUntil: new Date(deps.clock.now().getTime() + leaseMs(deps)) })
      .where(eq(deliveries.id, job.deliveryId));
  };
  try {
    if (delivery?.state === 'queued') {
      delivery = await transitionDelivery(
        deps.db.orm,
        delivery,
        'worker_picks_up',
        deps.clock.now(),
        'picked up by a worker',
      );
    }
    if (delivery?.state === 'packaging') delivery = await packageDelivery(deps, delivery);
    if (delivery?.state === 'uploading') await uploadDelivery(deps, delivery, renewLease);
  } finally {
    await deps.db.orm.update(deliveries).set({ leaseUntil: null }).where(eq(deliveries.id, job.deliveryId));
  }
}
