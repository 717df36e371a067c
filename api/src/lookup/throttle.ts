import type { RedisClient } from '../redis.ts';

/**
 * Reserves the next free slot atomically: every caller, in any process, gets a start time at least
 * `interval` after the previous one, and learns how long to wait for it.
 */
const RESERVE = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', slot + interval - now + 1000)
return slot - now
`;

export interface Throttle {
  /** Resolves when the caller may send its request. */
  acquire(): Promise<void>;
}

/** A throttle shared by every process using the same Redis: one request per `intervalMs`, in order of arrival. */
export function redisThrottle(
  redis: RedisClient,
  key: string,
  intervalMs: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): Throttle {
  return {
    async acquire() {
      const wait = Number(await redis.eval(RESERVE, 1, key, String(now()), String(intervalMs)));
      if (wait > 0) await sleep(wait);
    },
  };
}
