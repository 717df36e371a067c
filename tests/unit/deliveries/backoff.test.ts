import { fc, test } from '@fast-check/vitest';
import { loadConfig } from '@soundcheck/api/config.ts';
import {
  type BackoffPolicy,
  backoffDelayMs,
  backoffPolicyOf,
  manualRetry,
  onTransportError,
} from '@soundcheck/api/deliveries/retry.ts';
import { describe, expect } from 'vitest';

const policy: BackoffPolicy = { baseMs: 1_000, capMs: 60_000, maxAttempts: 5 };

/** mulberry32: a tiny seeded generator, so a run's delays can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('delivery backoff', { tags: ['unit', 'delivery'] }, () => {
  test('the ceiling doubles from the base and stops at the cap', () => {
    const top = () => 0.999_999_9;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, policy, top))).toEqual([
      999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999,
    ]);
    expect([1, 2, 3, 7].map((n) => backoffDelayMs(n, policy, () => 0))).toEqual([500, 1_000, 2_000, 30_000]);
  });

  test.prop([
    fc.integer({ min: 1, max: 10_000 }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  ])(
    'every delay lies in [ceiling/2, ceiling] and never exceeds the cap, even for huge attempt numbers',
    (attempt, r) => {
      const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
      const delay = backoffDelayMs(attempt, policy, () => r);
      expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(Number.isFinite(delay)).toBe(true);
    },
  );

  test.prop([fc.integer()])('is deterministic under a seeded random', (seed) => {
    const run = () => {
      const random = seeded(seed);
      return [1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, policy, random));
    };
    expect(run()).toEqual(run());
  });

  test('jitter spreads deliveries that failed at the same moment', () => {
    const random = seeded(42);
    const delays = Array.from({ length: 50 }, () => backoffDelayMs(4, policy, random));
    expect(new Set(delays).size).toBeGreaterThan(40);
  });

  test.each([0, -1, 1.5, Number.NaN])('attempt %s is refused', (attempt) => {
    expect(() => backoffDelayMs(attempt, policy)).toThrow(RangeError);
  });

  test('a transport error requeues with the next attempt time until the maximum, then fails for good', () => {
    const now = new Date('2025-03-07T12:00:00.000Z');
    const half = () => 0.5;
    expect([0, 1, 2, 3, 4].map((before) => onTransportError(before, now, policy, half))).toEqual([
      { event: 'transport_error', attempts: 1, nextAttemptAt: new Date('2025-03-07T12:00:00.750Z') },
      { event: 'transport_error', attempts: 2, nextAttemptAt: new Date('2025-03-07T12:00:01.500Z') },
      { event: 'transport_error', attempts: 3, nextAttemptAt: new Date('2025-03-07T12:00:03.000Z') },
      { event: 'transport_error', attempts: 4, nextAttemptAt: new Date('2025-03-07T12:00:06.000Z') },
      { event: 'transport_error_final', attempts: 5 },
    ]);
  });

  test('the default configuration: retries from 5 s, never more than 15 min apart, 8 attempts', () => {
    const defaults = backoffPolicyOf(loadConfig({}));
    expect(defaults).toEqual({ baseMs: 5_000, capMs: 15 * 60_000, maxAttempts: 8 });
    expect(backoffDelayMs(1, defaults, () => 0)).toBe(2_500);
    expect(backoffDelayMs(20, defaults, () => 1)).toBe(15 * 60_000);
  });

  test('a refused attempt number is named in the error', () => {
    expect(() => backoffDelayMs(0, policy)).toThrow('attempt must be a whole number of at least 1 (got 0)');
  });

  test('an admin retry: a failed delivery starts its attempts again as it was', () => {
    expect(manualRetry('failed')).toEqual({ event: 'retry', changes: { attempts: 0, nextAttemptAt: null } });
  });

  test('an admin retry of a rejected delivery is a redelivery: a new MessageId, the package rebuilt', () => {
    const first = manualRetry('rejected');
    expect(first).toEqual({
      event: 'redeliver',
      changes: {
        messageId: expect.stringMatching(/^[0-9A-F]{32}$/),
        ern: null,
        plan: null,
        batchId: null,
        ack: null,
        attempts: 0,
        nextAttemptAt: null,
        uploadedAt: null,
      },
    });
    expect(manualRetry('rejected').changes).not.toMatchObject({ messageId: first.changes.messageId });
  });

  test.each(['queued', 'uploading', 'acknowledged', 'cancelled'] as const)(
    'a delivery in %s cannot be retried: 409',
    (state) => {
      expect(() => manualRetry(state)).toThrow(
        expect.objectContaining({
          status: 409,
          code: 'INVALID_TRANSITION',
          message: `A delivery in state ${state} cannot be retried`,
        }),
      );
    },
  );
});
