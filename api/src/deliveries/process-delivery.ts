import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import type { DeliveryJob } from './enqueue.ts';
import { leaseMs, leaseOf } from './lease.ts';
import { packageDelivery } from './package-delivery.ts';
import { type DeliveryRow, deliveries } from './tables.ts';
import { transitionDelivery } from './transition.ts';
import { uploadDelivery } from './upload-delivery.ts';

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

/**
 * A delayed retry job can start a little before the delivery's `nextAttemptAt` (a timer firing a
 * millisecond early, clocks of two machines apart): rather than dropping it and leaving the delivery to the
 * next sweep, wait for the moment (a few seconds at most) and claim again.
 */
async function claimWhenDue(deps: Deps, id: string): Promise<DeliveryRow | null> {
  const [row] = await deps.db.orm
    .select({ state: deliveries.state, nextAttemptAt: deliveries.nextAttemptAt })
    .from(deliveries)
    .where(eq(deliveries.id, id));
  if (row?.state !== 'queued' || !row.nextAttemptAt) return null;
  const waitMs = row.nextAttemptAt.getTime() - deps.clock.now().getTime();
  // Due by now (it became due between the two reads) or due soon: claim again; a lease held elsewhere
  // still refuses it.
  if (waitMs > 5_000) return null;
  await sleep(Math.max(0, waitMs) + 1);
  return claim(deps, id);
}

/** The delivery job: package → upload → (await ack), each step idempotent and resumable. */
export async function processDelivery(deps: Deps, job: DeliveryJob): Promise<void> {
  let delivery = (await claim(deps, job.deliveryId)) ?? (await claimWhenDue(deps, job.deliveryId));
  if (!delivery) return;
  const lease = leaseOf(deps, job.deliveryId, delivery.leaseUntil as Date);
  // Renewed while the job runs, not only between files: one large file can take longer than the lease, and
  // an expired lease lets the sweeper start a second, concurrent upload of the same delivery.
  const heartbeat = setInterval(
    () => {
      lease.renew().catch(() => {});
    },
    Math.max(50, Math.floor(leaseMs(deps) / 3)),
  );
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
    if (delivery?.state === 'uploading') await uploadDelivery(deps, delivery, lease.renew);
  } finally {
    clearInterval(heartbeat);
    // After any renewal still in flight, so that it cannot re-take the lease.
    await lease.release();
  }
}
