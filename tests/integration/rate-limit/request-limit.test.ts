import { signedIn } from '../../factories/signed-in.ts';
import { appWith, testIp } from '../../utils/app-with.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('the request rate limit', { tags: ['integration', 'rate-limit', 'redis'] }, () => {
  test('every /v1 response says the limit: 600 a minute by default', async ({ api, admin, realRedis }) => {
    expect(realRedis.status).toBe('ready');
    const user = await signedIn(api, admin, { role: 'artist' });
    const first = await api.as(user).get('/v1/me');
    const second = await api.as(user).get('/v1/me');
    expect(first.headers).toMatchObject({
      'ratelimit-limit': '600',
      'ratelimit-reset': expect.stringMatching(/^([1-9]|[1-5]\d|60)$/),
    });
    // Signing in already spent some of the user's budget; each request spends exactly one more.
    expect(Number(second.headers['ratelimit-remaining'])).toBe(
      Number(first.headers['ratelimit-remaining']) - 1,
    );
    expect(Number(first.headers['ratelimit-remaining'])).toBeGreaterThan(590);
  });

  test('over the limit a user gets 429 with retry-after; another user is unaffected', async ({
    api,
    admin,
    deps,
    realRedis,
  }) => {
    expect(realRedis.status).toBe('ready');
    const [first, second] = [
      await signedIn(api, admin, { role: 'artist' }),
      await signedIn(api, admin, { role: 'artist' }),
    ];
    const limited = await appWith(deps, { config: { rateLimitPerMinute: 5 }, remoteAddress: testIp() });
    try {
      const opening = await limited.api.as(first).get('/v1/me');
      expect(opening.status).toBe(200);
      const remaining = Number(opening.headers['ratelimit-remaining']);
      expect(remaining).toBeGreaterThan(0);
      const statuses = [];
      for (let i = 0; i < remaining; i++) statuses.push((await limited.api.as(first).get('/v1/me')).status);
      expect(statuses).toEqual(Array(remaining).fill(200));
      const over = await limited.api.as(first).get('/v1/me');
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      expect(over.headers).toMatchObject({
        'retry-after': expect.stringMatching(/^\d+$/),
        'ratelimit-limit': '5',
        'ratelimit-remaining': '0',
      });
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect((await limited.api.as(second).get('/v1/me')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  test('anonymous requests count per client IP; a forged x-forwarded-for buys no fresh bucket', async ({
    deps,
    realRedis,
  }) => {
    expect(realRedis.status).toBe('ready');
    const limited = await appWith(deps, { config: { rateLimitPerMinute: 2 }, remoteAddress: testIp() });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const forged = { 'x-forwarded-for': `198.51.100.${i + 1}` };
        statuses.push((await limited.api.get('/v1/me', forged)).status);
      }
      expect(statuses).toEqual([401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  test('behind one trusted proxy, the client address it reports is the bucket', async ({
    deps,
    realRedis,
  }) => {
    expect(realRedis.status).toBe('ready');
    const proxied = await appWith(deps, {
      config: { rateLimitPerMinute: 1, trustProxyHops: 1 },
      remoteAddress: testIp(),
    });
    try {
      const client = { 'x-forwarded-for': testIp() };
      expect((await proxied.api.get('/v1/me', client)).status).toBe(401);
      expect((await proxied.api.get('/v1/me', client)).status).toBe(429);
      expect((await proxied.api.get('/v1/me', { 'x-forwarded-for': testIp() })).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });
});
