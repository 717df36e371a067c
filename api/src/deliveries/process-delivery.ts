import { setTimeout as sleep } from 'node:timers/promises';
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
  // The lease value this worker last wrote is its token: renewing and releasing only touch the row while it
  // still holds that value, so a worker whose lease expired and was taken over cannot extend or clear the
  // new holder's lease.
  let held = delivery.leaseUntil as Date;
  const ours = () => and(eq(deliveries.id, job.deliveryId), eq(deliveries.leaseUntil, held));
  const renewLease = async () => {
    const next = new Date(deps.clock.now().getTime() + leaseMs(deps));
    const renewed = await deps.db.orm
      .update(deliveries)
      .set({ leaseUntil: next })
      .where(ours())
      .returning({ id: deliveries.id });
    if (renewed.length) held = next;
    return renewed.length > 0;
  };
  // Renewed while the job runs, not only between files: one large file can take longer than the lease, and
  // an expired lease lets the sweeper start a second, concurrent upload of the same delivery.
  let renewing: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(
    () => {
      renewing = renewLease().then(
        () => {},
        () => {},
      );
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
    if (delivery?.state === 'uploading') await uploadDelivery(deps, delivery, renewLease);
  } finally {
    clearInterval(heartbeat);
    // A renewal still in flight must not re-take the lease after it is released below.
    await renewing;
    await deps.db.orm.update(deliveries).set({ leaseUntil: null }).where(ours());
  }
}
