import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { authorize } from '../policy/authorize.ts';
import { newMessageId } from './create.ts';
import { enqueueDelivery } from './enqueue.ts';
import { visibleDelivery } from './service.ts';
import { needsNewMessageId, retryEventFor } from './state-machine.ts';
import { transitionDelivery } from './transition.ts';
import { deliveryWithEvents } from './views.ts';

export interface BackoffPolicy {
  /** Delay before the first retry. */
  baseMs: number;
  /** No delay is ever longer than this. */
  capMs: number;
  /** Attempts (the first included) after which a transport error is final. */
  maxAttempts: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 5_000, capMs: 15 * 60_000, maxAttempts: 8 };

/**
 * The delay before retry number `attempt` (1 = the first retry): an exponential ceiling
 * min(cap, base · 2^(attempt-1)) with "equal jitter" — half of it fixed, half random. The fixed half keeps
 * the delays growing; the random half spreads the retries of deliveries that failed together (a partner
 * outage) instead of hammering the partner in waves. `random` is injectable (seeded in tests), so the policy
 * is deterministic under test.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be a whole number of at least 1 (got ${attempt})`);
  }
  // 2^(attempt-1) overflows to Infinity for large attempts; min() with the cap keeps the result finite.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.floor(ceiling / 2 + (ceiling / 2) * random());
}

export type TransportErrorDecision =
  | { event: 'transport_error'; attempts: number; nextAttemptAt: Date }
  | { event: 'transport_error_final'; attempts: number };

/**
 * What a transport error does to a delivery that had made `attemptsSoFar` attempts before this one:
 * back to `queued` with the next attempt time, or `failed` once the maximum is reached.
 */
export function onTransportError(
  attemptsSoFar: number,
  now: Date,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): TransportErrorDecision {
  const attempts = attemptsSoFar + 1;
  if (attempts >= policy.maxAttempts) return { event: 'transport_error_final', attempts };
  return {
    event: 'transport_error',
    attempts,
    nextAttemptAt: new Date(now.getTime() + backoffDelayMs(attempts, policy, random)),
  };
}

/**
 * POST /v1/deliveries/{id}/retry (admin): a failed delivery is queued again with its attempts reset; a
 * rejected one is redelivered as a new message in the same thread, its old package dropped to be rebuilt.
 */
export async function retryDelivery(deps: Deps, actor: Actor, id: string) {
  const delivery = await visibleDelivery(deps, actor, id);
  authorize(actor, 'delivery:retry', delivery);
  const event = retryEventFor(delivery.state);
  if (!event)
    throw new ApiError('INVALID_TRANSITION', `A delivery in state ${delivery.state} cannot be retried`);
  const changes = needsNewMessageId(event)
    ? {
        messageId: newMessageId(),
        ern: null,
        plan: null,
        batchId: null,
        ack: null,
        attempts: 0,
        nextAttemptAt: null,
        uploadedAt: null,
      }
    : { attempts: 0, nextAttemptAt: null };
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
