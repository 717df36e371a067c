import { and, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { serviceLog } from '../log.ts';
import { findPartners } from '../partners/service.ts';
import { releases } from '../releases/tables.ts';
import { transitionRelease } from '../releases/transition.ts';
import { notifyDeliveryOutcome } from './delivery-notifications.ts';
import { DELIVERY_QUEUE, type DeliveryJob } from './enqueue.ts';
import { pollAcknowledgements } from './poll-acks.ts';
import { syncRelease } from './release-sync.ts';
import { deliveries } from './tables.ts';
import { transitionDelivery } from './transition.ts';

/**
 * The periodic safety net of deliveries, idempotent and safe to run in several processes at once:
 * resumes deliveries whose worker died or whose job Redis lost (the database is the truth), fails deliveries
 * whose ACK never came, polls partners' acknowledgement folders, and takes delivered releases live on their
 * release date.
 */
export async function sweepDeliveries(deps: Deps): Promise<void> {
  const orm = deps.db.orm;
  const now = deps.clock.now();
  const stranded = await orm
    .select()
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.state, ['queued', 'packaging', 'uploading']),
        or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now)),
        or(isNull(deliveries.nextAttemptAt), lte(deliveries.nextAttemptAt, now)),
      ),
    );
  const round = Math.floor(now.getTime() / deps.config.deliveries.sweepIntervalMs);
  for (const row of stranded) {
    await deps.queue.add<DeliveryJob>(
      DELIVERY_QUEUE,
      { deliveryId: row.id },
      { jobId: `${row.id}.resume.${round}`, attempts: 3 },
    );
  }

  const deadline = new Date(now.getTime() - deps.config.deliveries.ackTimeoutMs);
  const timedOut = await orm
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.state, 'uploaded'), lt(deliveries.uploadedAt, deadline)));
  for (const row of timedOut) {
    const reason = `no acknowledgement within ${deps.config.deliveries.ackTimeoutMs} ms${row.lastError ? ` (${row.lastError})` : ''}`;
    const failed = await transitionDelivery(orm, row, 'ack_timeout', now, reason, { lastError: reason });
    if (failed) await notifyDeliveryOutcome(deps, failed);
  }

  const waiting = await orm.select().from(deliveries).where(eq(deliveries.state, 'uploaded'));
  const partnerIds = [...new Set(waiting.map((row) => row.partnerId))];
  if (partnerIds.length) {
    for (const partner of await findPartners(orm, partnerIds)) {
      try {
        await pollAcknowledgements(
          deps,
          partner,
          waiting.filter((row) => row.partnerId === partner.id),
        );
      } catch (error) {
        // A partner that is down is polled again next round; its deliveries keep their ACK timeout.
        serviceLog(deps.config, 'warn')(
          { partnerId: partner.id, err: (error as Error).message },
          'ACK polling failed',
        );
      }
    }
  }

  const today = now.toISOString().slice(0, 10);
  const due = await orm
    .select({ id: releases.id, state: releases.state })
    .from(releases)
    .where(and(eq(releases.state, 'delivered'), lte(releases.releaseDate, today)));
  for (const release of due)
    await transitionRelease(orm, release, 'release_date_reached', { actor: null, now });
  for (const row of timedOut) await syncRelease(deps, row.releaseId);
}

/** Runs the sweep every `sweepIntervalMs` until stopped; one round at a time. */
export function startDeliverySweeper(deps: Deps): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const loop = async () => {
    try {
      await sweepDeliveries(deps);
    } catch (error) {
      serviceLog(deps.config, 'error')({ err: (error as Error).message }, 'delivery sweep failed');
    }
    if (!stopped) timer = setTimeout(() => void loop(), deps.config.deliveries.sweepIntervalMs);
  };
  timer = setTimeout(() => void loop(), deps.config.deliveries.sweepIntervalMs);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
