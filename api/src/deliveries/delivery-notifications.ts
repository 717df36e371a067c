import type { Deps } from '../deps.ts';
import { notify } from '../notifications/notify.ts';
import { findPartner } from '../partners/service.ts';
import type { DeliveryRow } from './tables.ts';

/**
 * The e-mails of a delivery's outcome (API.md, Notifications) to the label's managers: rejected by the
 * partner, failed for good (retries exhausted, ACK never came, a message that cannot be built), and a
 * takedown the partner confirmed. Called after the transition committed; the delivery, its state and its
 * message make the event id, so a repeated call queues one e-mail. Never throws (see `notify`).
 */
export async function notifyDeliveryOutcome(
  deps: Pick<Deps, 'db' | 'queue'>,
  delivery: Pick<
    DeliveryRow,
    'id' | 'releaseId' | 'partnerId' | 'kind' | 'state' | 'messageId' | 'lastError'
  >,
): Promise<void> {
  const rejected = delivery.state === 'rejected';
  const failed = delivery.state === 'failed';
  const takenDown =
    delivery.kind === 'takedown' && (delivery.state === 'acknowledged' || delivery.state === 'live');
  if (!rejected && !failed && !takenDown) return;
  const partner = await findPartner(deps.db.orm, delivery.partnerId);
  const partnerName = partner?.name ?? 'the partner';
  const eventId = `${delivery.id}:${delivery.state}:${delivery.messageId}`;
  const reason = delivery.lastError ?? 'no reason given';
  const { releaseId } = delivery;
  if (takenDown) await notify(deps, { kind: 'takedown_complete', releaseId, partnerName }, eventId);
  else if (rejected)
    await notify(deps, { kind: 'delivery_rejected', releaseId, partnerName, reason }, eventId);
  else await notify(deps, { kind: 'delivery_failed', releaseId, partnerName, reason }, eventId);
}
