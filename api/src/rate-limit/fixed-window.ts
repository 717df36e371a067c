import type { RedisClient } from '../redis.ts';

/** A counter in a fixed window: how many hits so far and how long until the window ends. */
export interface WindowState {
  count: number;
  resetMs: number;
}

/**
 * Counts one hit on `key` in a window of `windowMs` that starts with the first hit. SET NX starts the
 * window with its expiry and INCR keeps it, all in one MULTI, so a key can never be left without expiry.
 */
export async function hit(redis: RedisClient, key: string, windowMs: number): Promise<WindowState> {
  const results = await redis.multi().set(key, '0', 'PX', windowMs, 'NX').incr(key).pttl(key).exec();
  if (!results) throw new Error('rate-limit transaction was discarded');
  for (const [error] of results) if (error) throw error;
  const count = Number(results[1]?.[1]);
  const pttl = Number(results[2]?.[1]);
  return { count, resetMs: pttl > 0 ? pttl : windowMs };
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
