import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import { newMessageId } from './create.ts';
import { type DeliveryState, needsNewMessageId, retryEventFor } from './state-machine.ts';

/**
 * How a delivery is tried again — three layers, each with its own count:
 *
 * 1. **Transport errors** (a partner down, a dropped connection): the delivery goes back to `queued` with a
 *    capped exponential backoff and, after `maxAttempts` attempts, to `failed`. The numbers are the
 *    service's configuration, `DELIVERY_BACKOFF_BASE_MS`, `DELIVERY_BACKOFF_CAP_MS` and
 *    `DELIVERY_MAX_ATTEMPTS` (defaults in config.ts: 5 s, 15 min, 8 attempts) — `backoffPolicyOf`.
 * 2. **Job attempts** (the job itself crashed: a database blip, a worker bug): the queue runs the same job
 *    again, `deliveryJobAttempts` times in all, 500 ms then doubling. A job that gives up leaves the
 *    delivery to the sweeper, which re-queues it from the database.
 * 3. **Manual retry** (an admin, `POST /v1/deliveries/{id}/retry`): `failed` → `queued` with the attempts
 *    reset; `rejected` → a redelivery under a new MessageId in the same thread — `manualRetry`.
 */

/** Layer 2: how often the queue runs one delivery job whose handler threw, and the first pause between. */
export const deliveryJobAttempts = { attempts: 5, backoffMs: 500 } as const;

/** Layer 1's numbers, from the configuration (the only place their defaults are written). */
export const backoffPolicyOf = (config: Pick<Config, 'deliveries'>): BackoffPolicy => ({
  baseMs: config.deliveries.backoffBaseMs,
  capMs: config.deliveries.backoffCapMs,
  maxAttempts: config.deliveries.maxAttempts,
});

export interface BackoffPolicy {
  /** Delay before the first retry. */
  baseMs: number;
  /** No delay is ever longer than this. */
  capMs: number;
  /** Attempts (the first included) after which a transport error is final. */
  maxAttempts: number;
}

/**
 * The delay before retry number `attempt` (1 = the first retry): an exponential ceiling
 * min(cap, base · 2^(attempt-1)) with "equal jitter" — half of it fixed, half random. The fixed half keeps
 * the delays growing; the random half spreads the retries of deliveries that failed together (a partner
 * outage) instead of hammering the partner in waves. `random` is injectable (seeded in tests), so the policy
 * is deterministic under test.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
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
  policy: BackoffPolicy,
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
 * Layer 3: the event an admin's retry fires from `state` and what it resets — the attempts, and for a
 * redelivery the message and its package, which are rebuilt. 409 when the state has no retry.
 */
export function manualRetry(state: DeliveryState) {
  const event = retryEventFor(state);
  if (!event) throw new ApiError('INVALID_TRANSITION', `A delivery in state ${state} cannot be retried`);
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
  return { event, changes };
}
