import { hit, peek, seconds } from '@soundcheck/api/rate-limit/fixed-window.ts';
import { embeddedRedis, type RedisClient } from '@soundcheck/api/redis.ts';
import { describe, expect, test } from 'vitest';

const fresh = () => embeddedRedis(`window-${Math.random()}:`);

/** A client whose transaction comes back as Redis would answer it: discarded (null) or with an error. */
const transactionAnswering = (results: unknown) =>
  ({
    multi: () => ({ get: () => ({ pttl: () => ({ exec: async () => results }) }) }),
  }) as unknown as RedisClient;

describe('the fixed rate-limit window', { tags: ['unit', 'rate-limit'] }, () => {
  test('each hit counts one; the window opens with the first hit and keeps its end', async () => {
    const redis = fresh();
    expect(await hit(redis, 'k', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    const second = await hit(redis, 'k', 60_000);
    // A later hit that reopened the window (reset back to 60 s) would let a steady caller in forever.
    expect(second.count).toBe(2);
    expect(second.resetMs).toBeLessThanOrEqual(60_000);
    expect(second.resetMs).toBeGreaterThan(50_000);
    expect(await hit(redis, 'other', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
  });

  test('a hit reports the time left in the window, not the window length (retry-after would lie)', async () => {
    const redis = fresh();
    await redis.set('k', '1', 'PX', 20_000);
    const state = await hit(redis, 'k', 60_000);
    expect(state.count).toBe(2);
    expect(state.resetMs).toBeGreaterThan(10_000);
    expect(state.resetMs).toBeLessThanOrEqual(20_000);
  });

  test('a key that somehow lost its expiry gets one: it never counts forever', async () => {
    const redis = fresh();
    await redis.set('stale', '3');
    expect(await hit(redis, 'stale', 5_000)).toEqual({ count: 4, resetMs: 5_000 });
    expect(await redis.pttl('stale')).toBeGreaterThan(0);
  });

  test('peek reads the count and time left without counting', async () => {
    const redis = fresh();
    await hit(redis, 'k', 30_000);
    const seen = await peek(redis, 'k');
    expect(seen.count).toBe(1);
    expect(seen.resetMs).toBeGreaterThan(25_000);
    expect(seen.resetMs).toBeLessThanOrEqual(30_000);
    expect((await peek(redis, 'k')).count).toBe(1);
  });

  test('peek of a key never hit is a count of 0 with nothing left to wait (not PTTL -2)', async () => {
    expect(await peek(fresh(), 'never')).toEqual({ count: 0, resetMs: 0 });
  });

  test('a discarded transaction or a failed command is an error, never a count of 0', async () => {
    await expect(peek(transactionAnswering(null), 'k')).rejects.toThrow(
      'rate-limit transaction was discarded',
    );
    const failed = new Error('WRONGTYPE');
    await expect(
      peek(
        transactionAnswering([
          [failed, null],
          [null, 1000],
        ]),
        'k',
      ),
    ).rejects.toBe(failed);
    await expect(
      peek(
        transactionAnswering([
          [null, '2'],
          [failed, null],
        ]),
        'k',
      ),
    ).rejects.toBe(failed);
  });

  test('seconds rounds up and is at least 1: a client told "retry in 0 s" comes straight back', () => {
    expect(seconds(0)).toBe(1);
    expect(seconds(1)).toBe(1);
    expect(seconds(1_000)).toBe(1);
    expect(seconds(1_001)).toBe(2);
    expect(seconds(59_500)).toBe(60);
  });
});
