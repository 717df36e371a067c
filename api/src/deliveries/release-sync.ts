import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { findRelease } from '../releases/repository.ts';
import { transitionRelease } from '../releases/transition.ts';
import type { ReleaseEvent } from '../workflow/release-workflow.ts';
import { ackOutcome } from './ack/ack-outcome.ts';
import { type DeliveryRow, deliveries } from './tables.ts';

const done = (delivery: DeliveryRow) => delivery.state === 'acknowledged' || delivery.state === 'live';

/** The newest delivery per partner among `rows` (ids are UUID v7, so they sort by creation). */
function latestPerPartner(rows: DeliveryRow[]): DeliveryRow[] {
  const latest = new Map<string, DeliveryRow>();
  for (const row of rows) latest.set(row.partnerId, row);
  return [...latest.values()];
}

function reasonsOf(rejected: DeliveryRow[]) {
  return rejected.flatMap((delivery) => {
    const outcome = delivery.ack ? ackOutcome(delivery.ack) : null;
    if (outcome?.event === 'ack_error') return outcome.reasons;
    return [{ rule: 'DeliveryRejected', message: delivery.lastError ?? 'The partner rejected the release.' }];
  });
}

/**
 * The release follows its deliveries (state_machines.json, release): `distributing` → `delivered` when every
 * partner acknowledged, → `changes_requested` with the partners' reasons when one rejected;
 * `takedown_requested` → `taken_down` when every takedown is acknowledged. Runs under the release's row lock,
 * so concurrent acknowledgements settle it once.
 */
export async function syncRelease(deps: Pick<Deps, 'db' | 'clock'>, releaseId: string): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const release = await findRelease(tx, releaseId, true);
    if (!release) return;
    const kinds =
      release.state === 'takedown_requested' ? (['takedown'] as const) : (['new', 'update'] as const);
    if (release.state !== 'distributing' && release.state !== 'takedown_requested') return;
    const rows = await tx
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.releaseId, releaseId), inArray(deliveries.kind, [...kinds])))
      .orderBy(asc(deliveries.id));
    const current = latestPerPartner(rows.filter((row) => row.state !== 'cancelled'));
    let event: ReleaseEvent | null = null;
    let reasons: Array<{ rule: string; message: string }> | undefined;
    if (release.state === 'distributing') {
      const rejected = current.filter((row) => row.state === 'rejected');
      if (rejected.length > 0) {
        event = 'delivery_rejected';
        reasons = reasonsOf(rejected);
      } else if (current.length > 0 && current.every(done)) {
        event = 'all_deliveries_acknowledged';
      }
    } else if (current.every(done)) {
      event = 'all_takedowns_acknowledged';
    }
    if (!event) return;
    await transitionRelease(tx, release, event, { actor: null, reasons, now: deps.clock.now() });
  });
}
