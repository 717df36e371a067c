import type { RedisClient } from '../redis.ts';

/** A counter in a fixed window: how many hits so far and how long until the window ends. */
export interface WindowState {
  count: number;
  resetMs: number;
}

// INCR, and the window's expiry set by the hit that opened it, in one atomic script: one command and one
// round trip per request (the MULTI of SET NX PX + INCR + PTTL was five), and never a key without expiry.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

type WithHit = RedisClient & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

/**
 * The script as a command of `redis`, defined on first use: ioredis sends EVALSHA (the script's 40-byte
 * hash; EVAL sent its whole text on every request) and loads the script again after a NOSCRIPT.
 */
function withHit(redis: RedisClient): WithHit {
  if (!('rateLimitHit' in redis)) redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  return redis as WithHit;
}

/** Counts one hit on `key` in a window of `windowMs` that starts with the first hit. */
export async function hit(redis: RedisClient, key: string, windowMs: number): Promise<WindowState> {
  const [count, pttl] = await withHit(redis).rateLimitHit(key, windowMs);
  return { count: Number(count), resetMs: pttl > 0 ? Number(pttl) : windowMs };
}

/** The state of `key` without counting a hit. */
export async function peek(redis: RedisClient, key: string): Promise<WindowState> {
  const results = await redis.multi().get(key).pttl(key).exec();
  if (!results) throw new Error('rate-limit transaction was discarded');
  for (const [error] of results) if (error) throw error;
  const count = Number(results[0]?.[1] ?? 0);
  const pttl = Number(results[1]?.[1]);
  // PTTL is -2 for a missing key and -1 for one without expiry (which SET PX never leaves).
  return { count, resetMs: Math.max(pttl, 0) };
}

export const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
