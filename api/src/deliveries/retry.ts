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
