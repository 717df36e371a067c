import { insertDelivery } from '@soundcheck/api/deliveries/create.ts';
import { type DeliveryRow, deliveries } from '@soundcheck/api/deliveries/tables.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { findRelease } from '@soundcheck/api/releases/repository.ts';
import { transitionRelease } from '@soundcheck/api/releases/transition.ts';
import { eq } from 'drizzle-orm';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { waitFor } from '../utils/wait-for.ts';
import { approvedReleaseWithAssets } from './deliverable-release.ts';
import { createPartner, type Partner } from './partners.ts';
import type { SignedInUser } from './signed-in.ts';

/**
 * An approved release put into `distributing` with one queued `new` delivery per partner, written straight
 * to the database as `distribute` does but WITHOUT enqueuing it: the app's in-process queue never sees it,
 * so the test decides which queue (BullMQ, a worker process) runs the job.
 */
export async function queuedDeliveries(
  api: ApiClient,
  admin: SignedInUser,
  deps: Deps,
  partnerIds: string[],
): Promise<{ releaseId: string; upc: string; owner: SignedInUser; deliveries: DeliveryRow[] }> {
  const { owner, release } = await approvedReleaseWithAssets(api, admin);
  const created = await queueDeliveriesOf(deps, release.id, partnerIds);
  return { releaseId: release.id, upc: release.upc, owner, deliveries: created };
}

/** Puts the approved release into `distributing` with one queued `new` delivery per partner, not enqueued. */
export async function queueDeliveriesOf(deps: Deps, releaseId: string, partnerIds: string[]) {
  const now = deps.clock.now();
  return deps.db.orm.transaction(async (tx) => {
    const row = await findRelease(tx, releaseId, true);
    if (!row) throw new Error(`release ${releaseId} vanished`);
    const rows: DeliveryRow[] = [];
    for (const partnerId of partnerIds)
      rows.push(await insertDelivery(tx, { release: row, partnerId, kind: 'new', actorId: null, now }));
    await transitionRelease(tx, row, 'enqueue_deliveries', { actor: null, now });
    return rows;
  });
}

/**
 * A new partner on `transport` (release by release unless `profile` says otherwise) and one queued delivery
 * to it, not enqueued: see `queuedDeliveries`.
 */
export async function queuedDelivery(
  api: ApiClient,
  admin: SignedInUser,
  deps: Deps,
  transport: Record<string, unknown>,
  profile: Partner['profile'] = 'release_by_release',
): Promise<{ partner: Partner; releaseId: string; upc: string; owner: SignedInUser; delivery: DeliveryRow }> {
  const partner = await createPartner(api, admin, transport, { profile });
  const {
    deliveries: [delivery],
    ...queued
  } = await queuedDeliveries(api, admin, deps, [partner.id]);
  return { partner, ...queued, delivery: delivery as DeliveryRow };
}

/** The delivery's row as it is in the database now. */
export const deliveryRow = async (deps: Deps, id: string) =>
  (await deps.db.orm.select().from(deliveries).where(eq(deliveries.id, id)))[0];

/** Waits until the delivery is `uploaded` or `failed` (whichever: the test asserts which) and returns its row. */
export const settledDelivery = (deps: Deps, id: string, what: string, timeoutMs?: number) =>
  waitFor(
    what,
    async () => {
      const row = await deliveryRow(deps, id);
      return row?.state === 'uploaded' || row?.state === 'failed' ? row : undefined;
    },
    timeoutMs,
  );
