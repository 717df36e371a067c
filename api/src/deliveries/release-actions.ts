import type { Actor } from '../auth/actor.ts';
import type { Orm } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import type { MessageKind } from '../ern/types.ts';
import { ApiError } from '../http/errors.ts';
import { authorize, ensureVisible } from '../policy/authorize.ts';
import { findRelease, type ReleaseRow } from '../releases/repository.ts';
import { fullRelease } from '../releases/service.ts';
import { ensureTransition, transitionReleaseOrThrow } from '../releases/transition.ts';
import { actionEvents, type ReleaseState } from '../workflow/release-workflow.ts';
import { checkLeadTimes, insertDelivery, partnersByIds, partnersHolding } from './create.ts';
import { enqueueDelivery } from './enqueue.ts';
import { syncRelease } from './release-sync.ts';
import type { DeliveryRow } from './tables.ts';

export const deliveryActions = ['distribute', 'revise', 'takedown'] as const;
export type DeliveryAction = (typeof deliveryActions)[number];

/** One delivery per partner: `new` where the partner never had the release, `update` where it has. */
async function deliveriesFor(
  tx: Orm,
  actor: Actor,
  release: ReleaseRow,
  partnerIds: readonly string[],
  kind: MessageKind | 'auto',
  now: Date,
): Promise<DeliveryRow[]> {
  const targets = await partnersByIds(tx, partnerIds);
  const holding = await partnersHolding(tx, release.id);
  const kindFor = (partnerId: string): MessageKind =>
    kind === 'auto' ? (holding.has(partnerId) ? 'update' : 'new') : kind;
  checkLeadTimes(
    release,
    targets.filter((partner) => kindFor(partner.id) === 'new'),
    now,
  );
  const rows: DeliveryRow[] = [];
  for (const partner of targets) {
    rows.push(
      await insertDelivery(tx, {
        release,
        partnerId: partner.id,
        kind: kindFor(partner.id),
        actorId: actor.id,
        now,
      }),
    );
  }
  return rows;
}

/**
 * `distribute`, `revise` and `takedown` (API.md, workflow actions): like every workflow action, atomic under
 * the release's row lock — two racing distributes give one transition and one set of deliveries — and
 * checked in the order visibility (404) → role (403) → state (409) → guards (422).
 */
export async function runDeliveryAction(
  deps: Deps,
  actor: Actor,
  id: string,
  action: DeliveryAction,
  partnerIds: readonly string[] = [],
) {
  const now = deps.clock.now();
  const { release, created } = await deps.db.orm.transaction(async (tx) => {
    const row = ensureVisible(actor, 'release:read', await findRelease(tx, id, true), 'Release');
    authorize(actor, `release:${action}`, row);
    ensureTransition(row, actionEvents[action], action);
    let created: DeliveryRow[] = [];
    if (action === 'distribute') created = await deliveriesFor(tx, actor, row, partnerIds, 'auto', now);
    if (action === 'takedown') {
      const holding = [...(await partnersHolding(tx, row.id))];
      created = await deliveriesFor(tx, actor, row, holding, 'takedown', now);
    }
    const updated = await transitionReleaseOrThrow(tx, row, actionEvents[action], { actor, now });
    return { release: updated, created };
  });
  for (const delivery of created) await enqueueDelivery(deps, delivery);
  // A takedown with no partner holding the release has nothing to wait for.
  if (action === 'takedown' && created.length === 0) await syncRelease(deps, id);
  return fullRelease(deps.db.orm, (await findRelease(deps.db.orm, id)) ?? release);
}

/**
 * `POST /v1/releases/{id}/deliveries`: `new` needs the release approved (then it is `distribute`) or already
 * out (a partner added later, its own lead time applies); `update` and `takedown` need it out.
 */
export async function createDeliveries(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { partnerIds: string[]; kind?: MessageKind | undefined },
  tx: Orm,
): Promise<DeliveryRow[]> {
  const row = ensureVisible(actor, 'release:read', await findRelease(tx, id, true), 'Release');
  authorize(actor, 'delivery:create', row);
  const out: readonly ReleaseState[] = ['distributing', 'delivered', 'live'];
  const kind = body.kind ?? 'auto';
  const now = deps.clock.now();
  if (row.state === 'approved' && (kind === 'new' || kind === 'auto')) {
    const created = await deliveriesFor(tx, actor, row, body.partnerIds, 'new', now);
    await transitionReleaseOrThrow(tx, row, 'enqueue_deliveries', { actor, now });
    return created;
  }
  if (!out.includes(row.state)) {
    throw new ApiError('INVALID_TRANSITION', `A release in state ${row.state} cannot be delivered (${kind})`);
  }
  return deliveriesFor(tx, actor, row, body.partnerIds, kind, now);
}
