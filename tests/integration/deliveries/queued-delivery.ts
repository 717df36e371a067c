import { insertDelivery } from '@soundcheck/api/deliveries/create.ts';
import type { DeliveryRow } from '@soundcheck/api/deliveries/tables.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { findRelease } from '@soundcheck/api/releases/repository.ts';
import { releases } from '@soundcheck/api/releases/tables.ts';
import { eq } from 'drizzle-orm';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { approvedReleaseWithAssets } from '../../e2e/deliveries/deliverable-release.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';

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
  const now = deps.clock.now();
  const created = await deps.db.orm.transaction(async (tx) => {
    const row = await findRelease(tx, release.id, true);
    if (!row) throw new Error(`release ${release.id} vanished`);
    const rows: DeliveryRow[] = [];
    for (const partnerId of partnerIds)
      rows.push(await insertDelivery(tx, { release: row, partnerId, kind: 'new', actorId: null, now }));
    await tx.update(releases).set({ state: 'distributing', updatedAt: now }).where(eq(releases.id, row.id));
    return rows;
  });
  return { releaseId: release.id, upc: release.upc, owner, deliveries: created };
}
