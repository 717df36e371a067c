import { randomUUID } from 'node:crypto';
import { accessClaimsOf } from '@soundcheck/api/auth/authenticate.ts';
import { signToken } from '@soundcheck/api/auth/tokens.ts';
import { loadConfig } from '@soundcheck/api/config.ts';
import type { Deps } from '@soundcheck/api/deps.ts';
import { registerErrorHandling } from '@soundcheck/api/http/error-handler.ts';
import { registerRequestLimiter } from '@soundcheck/api/rate-limit/request-limiter.ts';
import { embeddedRedis, type RedisClient } from '@soundcheck/api/redis.ts';
import Fastify from 'fastify';
import { describe, expect, test } from 'vitest';
import { downRedis } from './down-redis.ts';

const config = { ...loadConfig({ NODE_ENV: 'test' }), rateLimitPerMinute: 3 };
const now = new Date();

/** Only what the limiter reads: the limit, the token check's config and clock, and Redis. */
async function limitedApp(
  redis: RedisClient = embeddedRedis(`requests-${Math.random()}:`),
  logLines?: string[],
) {
  const app = Fastify(
    logLines ? { logger: { level: 'warn', stream: { write: (line: string) => logLines.push(line) } } } : {},
  );
  registerErrorHandling(app);
  const deps = { config, redis, clock: { now: () => now } } as unknown as Deps;
  registerRequestLimiter(app, deps, (request) => accessClaimsOf(request, deps)?.sub ?? null);
  app.get('/v1/ping', async () => ({ ok: true }));
  app.get('/health', async () => ({ ok: true }));
  await app.ready();
  return app;
}

const bearerFor = async (sub: string) =>
  `Bearer ${(await signToken(config, now, { use: 'access', sub, sid: randomUUID(), ver: 0 })).token}`;

describe('the request rate limit', { tags: ['unit', 'rate-limit'] }, () => {
  test('up to the limit a /v1 request passes and says what is left; the one after is a 429', async () => {
    const app = await limitedApp();
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const response = await app.inject({ url: '/v1/ping', remoteAddress: '10.1.0.1' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe('3');
      expect(response.headers['ratelimit-reset']).toBe('60');
      remaining.push(response.headers['ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const over = await app.inject({ url: '/v1/ping', remoteAddress: '10.1.0.1' });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({
      code: 'RATE_LIMITED',
      detail: 'More than 3 requests a minute; retry in 60 s',
    });
    // Remaining never goes negative: it says 0, not -1.
    expect(over.headers).toMatchObject({
      'retry-after': '60',
      'ratelimit-remaining': '0',
      'ratelimit-limit': '3',
    });
    await app.close();
  });

  test('only /v1 is limited: health checks neither count nor carry the headers', async () => {
    const app = await limitedApp();
    for (let i = 0; i < 5; i++) {
      const health = await app.inject({ url: '/health', remoteAddress: '10.1.0.2' });
      expect(health.statusCode).toBe(200);
      expect(health.headers['ratelimit-limit']).toBeUndefined();
    }
    expect(
      (await app.inject({ url: '/v1/ping', remoteAddress: '10.1.0.2' })).headers['ratelimit-remaining'],
    ).toBe('2');
    await app.close();
  });

  test('a signed-in user is their own bucket, apart from the IP and from other users', async () => {
    const app = await limitedApp();
    const [first, second] = [await bearerFor(randomUUID()), await bearerFor(randomUUID())];
    const call = (authorization?: string) =>
      app.inject({
        url: '/v1/ping',
        remoteAddress: '10.1.0.3',
        headers: authorization ? { authorization } : {},
      });
    for (let i = 0; i < 3; i++) expect((await call(first)).statusCode).toBe(200);
    expect((await call(first)).statusCode).toBe(429);
    expect((await call(second)).headers['ratelimit-remaining']).toBe('2');
    expect((await call()).headers['ratelimit-remaining']).toBe('2');
    // Anonymous requests count per client IP.
    const otherIp = await app.inject({ url: '/v1/ping', remoteAddress: '10.1.0.4' });
    expect(otherIp.headers['ratelimit-remaining']).toBe('2');
    expect((await call()).headers['ratelimit-remaining']).toBe('1');
    await app.close();
  });

  test('when Redis is down requests are let through (fail open), without limit headers, and it is logged', async () => {
    // A real client whose server is gone: commands are refused at once, as in production with Redis down.
    const down = downRedis();
    const logLines: string[] = [];
    const app = await limitedApp(down, logLines);
    for (let i = 0; i < 5; i++) {
      const response = await app.inject({ url: '/v1/ping', remoteAddress: '10.1.0.5' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
    // Unlimited requests must not pass unnoticed: each says why, with the cause.
    const warnings = logLines.map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatchObject({
      msg: 'rate limiter unavailable; request let through',
      err: { message: expect.stringContaining('enableOfflineQueue') },
    });
    await app.close();
    down.disconnect();
  });
});
