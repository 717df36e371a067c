import { createHash } from 'node:crypto';
import { ApiError } from '../http/errors.ts';
import type { RedisClient } from '../redis.ts';
import { hit, peek, seconds, type WindowState } from './fixed-window.ts';

const WINDOW_MS = 60_000;
/** Failed logins a minute for one (account, client IP) pair, and for one client IP (config `loginFailures`). */
export interface LoginLimits {
  perAccount: number;
  perIp: number;
}

// The e-mail is hashed so that Redis never holds the addresses people typed.
const pairKey = (email: string, ip: string) =>
  `login:pair:${createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32)}:${ip}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

const unavailable = () =>
  new ApiError('SERVICE_UNAVAILABLE', 'Sign-in is unavailable for a moment; try again shortly', {
    headers: { 'retry-after': '5' },
  });

/**
 * Login fails closed: without Redis we cannot count failures, so no attempt is let through (503).
 */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch {
    throw unavailable();
  }
}

function limited(state: WindowState): ApiError {
  const retry = seconds(state.resetMs);
  return new ApiError('RATE_LIMITED', `Too many failed sign-ins; retry in ${retry} s`, {
    headers: { 'retry-after': String(retry) },
  });
}

/** Throws 429 while the pair or the IP has used up its failures, 503 when Redis cannot tell. */
export async function assertLoginAllowed(
  redis: RedisClient,
  limits: LoginLimits,
  email: string,
  ip: string,
): Promise<void> {
  const [pair, perIp] = await guarded(() =>
    Promise.all([peek(redis, pairKey(email, ip)), peek(redis, ipKey(ip))]),
  );
  if (pair.count >= limits.perAccount) throw limited(pair);
  if (perIp.count >= limits.perIp) throw limited(perIp);
}

/** Counts a failed sign-in against the pair and the IP. */
export async function recordLoginFailure(redis: RedisClient, email: string, ip: string): Promise<void> {
  await guarded(() =>
    Promise.all([hit(redis, pairKey(email, ip), WINDOW_MS), hit(redis, ipKey(ip), WINDOW_MS)]),
  );
}
