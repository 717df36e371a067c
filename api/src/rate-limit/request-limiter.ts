import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { hit, seconds } from './fixed-window.ts';

const WINDOW_MS = 60_000;

/**
 * The general limit on `/v1` (API.md, "Rate limits"): `config.rateLimitPerMinute` requests a minute per
 * signed-in user, else per client IP. `request.ip` honours only TRUST_PROXY_HOPS proxies, so a forged
 * x-forwarded-for does not open a fresh bucket. When Redis is down the limit is skipped (fail open) so
 * that reads keep working; login has its own limiter that fails closed. `userOf` names the signed-in user
 * of a request, or null (app.ts passes auth's reading of the access token).
 */
export function registerRequestLimiter(
  app: FastifyInstance,
  deps: Deps,
  userOf: (request: FastifyRequest) => string | null,
): void {
  const limit = deps.config.rateLimitPerMinute;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1/')) return;
    const user = userOf(request);
    const key = user ? `rl:user:${user}` : `rl:ip:${request.ip}`;
    let state: Awaited<ReturnType<typeof hit>>;
    try {
      state = await hit(deps.redis, key, WINDOW_MS);
    } catch (error) {
      request.log.warn({ err: error }, 'rate limiter unavailable; request let through');
      return;
    }
    const reset = seconds(state.resetMs);
    reply.header('ratelimit-limit', String(limit));
    reply.header('ratelimit-remaining', String(Math.max(0, limit - state.count)));
    reply.header('ratelimit-reset', String(reset));
    if (state.count > limit) {
      throw new ApiError('RATE_LIMITED', `More than ${limit} requests a minute; retry in ${reset} s`, {
        headers: { 'retry-after': String(reset) },
      });
    }
  });
}
