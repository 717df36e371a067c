import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { ackOutcome } from './ack/ack-outcome.ts';
import type { Acknowledgement } from './ack/acknowledgement.ts';
import { notifyDeliveryOutcome } from './delivery-notifications.ts';
import { syncRelease } from './release-sync.ts';
import { type DeliveryRow, deliveries } from './tables.ts';
import { noteDelivery, transitionDelivery } from './transition.ts';

export type AckResult = 'applied' | 'unchanged';

/**
 * Applies a partner's acknowledgement to one delivery (from an ACK file or a signed callback alike) and lets
 * the release follow. Idempotent: the same acknowledgement twice finds the delivery already moved and
 * changes nothing.
 */
export async function acknowledgeDelivery(
  deps: Pick<Deps, 'db' | 'clock' | 'queue'>,
  delivery: DeliveryRow,
  ack: Acknowledgement,
  source: string,
): Promise<AckResult> {
  const orm = deps.db.orm;
  const now = deps.clock.now();
  const outcome = ackOutcome(ack);
  let moved: DeliveryRow | null = null;
  if (outcome.event === 'ack_error') {
    const reason = outcome.reasons.map((r) => `${r.rule}: ${r.message}`).join('; ');
    moved = await transitionDelivery(orm, delivery, 'ack_error', now, `rejected (${source}): ${reason}`, {
      ack,
      lastError: reason,
    });
  } else if (outcome.event === 'ack_success') {
    moved = await transitionDelivery(orm, delivery, 'ack_success', now, `acknowledged (${source})`, { ack });
    const current = moved ?? delivery;
    if (outcome.live && current.state === 'acknowledged') {
      moved =
        (await transitionDelivery(
          orm,
          current,
          'partner_reports_live',
          now,
          `live at the partner (${source})`,
          { ack },
        )) ?? moved;
    }
  } else if (delivery.state === 'uploaded') {
    await noteDelivery(orm, delivery, now, `partner status ${outcome.status} (${source})`);
  }
  if (moved) await syncRelease(deps, delivery.releaseId);
  if (moved) await notifyDeliveryOutcome(deps, moved);
  return moved ? 'applied' : 'unchanged';
}

/** The delivery to `partnerId` that carried `messageId`, if any. */
export async function deliveryByMessage(deps: Pick<Deps, 'db'>, partnerId: string, messageId: string) {
  const [row] = await deps.db.orm
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.partnerId, partnerId), eq(deliveries.messageId, messageId)));
  return row ?? null;
}
