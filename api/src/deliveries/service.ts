import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { keyset } from '../http/pagination.ts';
import { authorize, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import { enqueueDelivery } from './enqueue.ts';
import { idempotent, requestHash } from './idempotency.ts';
import { buildDeliveryMessage } from './package-delivery.ts';
import { createDeliveries } from './release-actions.ts';
import { manualRetry } from './retry.ts';
import type { CreateDeliveriesBody, ListQuery } from './schema.ts';
import { nextDeliveryState } from './state-machine.ts';
import { type DeliveryRow, deliveries } from './tables.ts';
import { transitionDelivery } from './transition.ts';
import { deliveryView, deliveryWithEvents } from './views.ts';

/** The delivery `actor` may read, or 404 exactly as for one that does not exist. */
export async function visibleDelivery(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
): Promise<DeliveryRow> {
  const [row] = await deps.db.orm.select().from(deliveries).where(eq(deliveries.id, id));
  return ensureVisible(actor, 'delivery:read', row, 'The delivery');
}

/** GET /v1/deliveries: the deliveries the caller sees, newest last, paginated like every list. */
export async function listDeliveries(deps: Deps, actor: Actor, query: ListQuery) {
  const page = keyset(
    { id: deliveries.id, fields: { createdAt: deliveries.id }, fallback: 'createdAt' },
    query,
  );
  const visible = visibleWhere(visibilityFilters(actor, 'delivery:read'), {
    id: deliveries.id,
    labelId: deliveries.labelId,
    partnerId: deliveries.partnerId,
  });
  const { releaseId, partnerId, state } = query;
  const rows = await deps.db.orm
    .select()
    .from(deliveries)
    .where(
      and(
        visible,
        page.after,
        releaseId ? eq(deliveries.releaseId, releaseId) : undefined,
        partnerId ? eq(deliveries.partnerId, partnerId) : undefined,
        state ? eq(deliveries.state, state) : undefined,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const result = page.page(rows, (row) => row.id);
  return { items: result.items.map(deliveryView), nextCursor: result.nextCursor };
}

/** GET /v1/deliveries/{id}: one delivery with its events. */
export async function getDelivery(deps: Deps, actor: Actor, id: string) {
  return deliveryWithEvents(deps.db.orm, await visibleDelivery(deps, actor, id));
}

/** GET /v1/deliveries/{id}/ern: the stored message, or the one it would send now when none is stored yet. */
export async function deliveryErn(deps: Deps, actor: Actor, id: string): Promise<string> {
  const delivery = await visibleDelivery(deps, actor, id);
  if (delivery.ern) return delivery.ern;
  const built = await buildDeliveryMessage(deps, delivery, deps.clock.now());
  if (!built.ok) throw new ApiError('UNPROCESSABLE_CONTENT', `The message cannot be built: ${built.reason}`);
  return built.xml;
}

/** POST /v1/deliveries/{id}/retry (admin): what it resets is layer 3 of retry.ts; the job is queued at once. */
export async function retryDelivery(deps: Deps, actor: Actor, id: string) {
  const delivery = await visibleDelivery(deps, actor, id);
  authorize(actor, 'delivery:retry', delivery);
  const { event, changes } = manualRetry(delivery.state);
  const moved = await transitionDelivery(
    deps.db.orm,
    delivery,
    event,
    deps.clock.now(),
    `${event} by ${actor.email}`,
    changes,
  );
  if (!moved) throw new ApiError('INVALID_TRANSITION', 'The delivery changed state meanwhile; read it again');
  await enqueueDelivery(deps, moved);
  return deliveryWithEvents(deps.db.orm, moved);
}

/** POST /v1/deliveries/{id}/cancel (admin): a queued or failed delivery is cancelled. */
export async function cancelDelivery(deps: Deps, actor: Actor, id: string) {
  const delivery = await visibleDelivery(deps, actor, id);
  authorize(actor, 'delivery:cancel', delivery);
  if (!nextDeliveryState(delivery.state, 'cancel')) {
    throw new ApiError('INVALID_TRANSITION', `A delivery in state ${delivery.state} cannot be cancelled`);
  }
  const moved = await transitionDelivery(
    deps.db.orm,
    delivery,
    'cancel',
    deps.clock.now(),
    `cancelled by ${actor.email}`,
  );
  if (!moved) throw new ApiError('INVALID_TRANSITION', 'The delivery changed state meanwhile; read it again');
  return deliveryWithEvents(deps.db.orm, moved);
}

/**
 * POST /v1/releases/{id}/deliveries: the deliveries are created and the request remembered under its
 * `Idempotency-Key` in one transaction, so a repeat replays the first answer; jobs are queued after commit.
 */
export async function createDeliveriesOnce(
  deps: Deps,
  actor: Actor,
  request: { releaseId: string; body: CreateDeliveriesBody; url: string; idempotencyKey: string | undefined },
): Promise<{ status: number; body: unknown }> {
  const now = deps.clock.now();
  const { idempotencyKey: key } = request;
  const { status, body, created } = await deps.db.orm.transaction(async (tx) => {
    const memory = key
      ? await idempotent(tx, actor.id, key, requestHash('POST', request.url, request.body), now)
      : null;
    if (memory && 'replay' in memory) return { ...memory.replay, created: [] as DeliveryRow[] };
    const rows = await createDeliveries(deps, actor, request.releaseId, request.body, tx);
    const response = { items: rows.map(deliveryView) };
    if (memory) await memory.remember(202, response);
    return { status: 202, body: response, created: rows };
  });
  for (const row of created) await enqueueDelivery(deps, row);
  return { status, body };
}
