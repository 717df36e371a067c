import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { deliveries } from './tables.ts';

/** How long a worker holds a delivery without renewing: one transport timeout and a margin. */
export const leaseMs = (deps: Pick<Deps, 'config'>) => deps.config.deliveries.transportTimeoutMs + 2_000;

export interface Lease {
  /** Extends the lease; false when another worker holds the delivery now. */
  renew(): Promise<boolean>;
  /** Gives the delivery up, unless another worker holds it by now. */
  release(): Promise<void>;
}

/**
 * The lease a worker took on a delivery. The lease value it last wrote is its token: renewing and releasing
 * only touch the row while it still holds that value, so a worker whose lease expired and was taken over
 * cannot extend or clear the new holder's lease. Renewals run one after another: two at once (the
 * heartbeat's and an upload step's) would both match the old token, and the second would report the lease
 * lost although this worker holds it.
 */
export function leaseOf(deps: Pick<Deps, 'config' | 'clock' | 'db'>, id: string, held: Date): Lease {
  const ours = () => and(eq(deliveries.id, id), eq(deliveries.leaseUntil, held));
  let renewals: Promise<unknown> = Promise.resolve();
  return {
    renew() {
      const renewal = renewals.then(async () => {
        const next = new Date(deps.clock.now().getTime() + leaseMs(deps));
        const renewed = await deps.db.orm
          .update(deliveries)
          .set({ leaseUntil: next })
          .where(ours())
          .returning({ id: deliveries.id });
        if (renewed.length) held = next;
        return renewed.length > 0;
      });
      renewals = renewal.catch(() => {});
      return renewal;
    },
    async release() {
      await renewals;
      await deps.db.orm.update(deliveries).set({ leaseUntil: null }).where(ours());
    },
  };
}
