import type { RedisClient } from '../redis.ts';

/**
 * Claims the right to send now, atomically: it succeeds only when `interval` has passed since the last
 * successful claim of any process, and then records this one; otherwise it answers how long is left.
 * Spacing runs from the last real claim, not from a booked slot, so a sender that wakes late delays the
 * next one instead of crowding it.
 */
const CLAIM = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local last = redis.call('GET', KEYS[1])
if last and now < tonumber(last) + interval then
  return tonumber(last) + interval - now
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', interval + 1000)
return 0
`;

export interface Throttle {
  /** Resolves when the caller may send its request, with the time of its claim (ms since the epoch). */
  acquire(): Promise<number>;
}

/**
 * A throttle shared by every process using the same Redis: two claims are never less than `intervalMs`
 * apart (by `now`, the clock the processes share). A caller that must wait sleeps and claims again, so
 * waiting callers go in no fixed order.
 */
export function redisThrottle(
  redis: RedisClient,
  key: string,
  intervalMs: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): Throttle {
  return {
    async acquire() {
      for (;;) {
        const at = now();
        const wait = Number(await redis.eval(CLAIM, 1, key, String(at), String(intervalMs)));
        if (wait <= 0) return at;
        await sleep(wait);
      }
    },
  };
}
