import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Orm } from '../db/database.ts';
import { type DeliveryEvent, nextDeliveryState } from './state-machine.ts';
import { type DeliveryRow, deliveries, deliveryEvents } from './tables.ts';

type Changes = Partial<Omit<typeof deliveries.$inferInsert, 'id' | 'state'>>;

/**
 * Moves a delivery along the state machine, atomically: the UPDATE only matches while the row is still in
 * the state the caller read, so two workers (or a worker and an admin) never both apply a transition.
 * Null when the machine refuses the event or the row moved meanwhile. Every transition leaves an event, in
 * the same transaction.
 */
export async function transitionDelivery(
  orm: Orm,
  delivery: Pick<DeliveryRow, 'id' | 'state'>,
  event: DeliveryEvent,
  now: Date,
  detail: string,
  changes: Changes = {},
): Promise<DeliveryRow | null> {
  const to = nextDeliveryState(delivery.state, event);
  if (!to) return null;
  // One transaction (a savepoint inside the caller's): nobody sees the new state without its event.
  return orm.transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({ ...changes, state: to, updatedAt: now })
      .where(and(eq(deliveries.id, delivery.id), eq(deliveries.state, delivery.state)))
      .returning();
    if (!row) return null;
    await tx.insert(deliveryEvents).values({ id: uuidv7(), deliveryId: row.id, at: now, state: to, detail });
    return row;
  });
}

/** A note on the delivery's trail without a state change (an unreadable ACK, a skipped step). */
export async function noteDelivery(
  orm: Orm,
  delivery: Pick<DeliveryRow, 'id' | 'state'>,
  now: Date,
  detail: string,
) {
  await orm
    .insert(deliveryEvents)
    .values({ id: uuidv7(), deliveryId: delivery.id, at: now, state: delivery.state, detail });
}
