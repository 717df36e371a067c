import { createServer } from 'node:net';
import type { RedisClient } from '@soundcheck/api/redis.ts';
import { Redis } from 'ioredis';
import { signedIn } from '../../factories/signed-in.ts';
import { appWith, testIp } from '../../utils/app-with.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A Redis client configured like the service's, pointed at a closed port: every command fails fast. */
async function unreachableRedis(): Promise<RedisClient> {
  const redis = new Redis({
    host: '127.0.0.1',
    port: await closedPort(),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  return redis;
}

describe('when Redis is down', { tags: ['integration', 'rate-limit', 'auth'] }, () => {
  test('login fails closed with 503 while signed-in reads keep working', async ({ api, admin, deps }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const redis = await unreachableRedis();
    const degraded = await appWith(deps, { redis, remoteAddress: testIp() });
    try {
      const login = await degraded.api.post('/v1/auth/login', {
        email: manager.email,
        password: manager.password,
      });
      expect(login.status).toBe(503);
      expect(login.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
      expect(login.headers['retry-after']).toBe('5');
      expect(login.text).not.toMatch(/ECONNREFUSED|Stream|ioredis/i);

      const me = await degraded.api.as(manager).get('/v1/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: manager.id });
      expect(me.headers['ratelimit-limit']).toBeUndefined();
      expect((await degraded.api.as(manager).get(`/v1/labels/${manager.labelId}`)).status).toBe(200);
    } finally {
      await degraded.close();
      redis.disconnect();
    }
  });

  test('logout still revokes (revocation lives in PostgreSQL)', async ({ api, admin, deps }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const redis = await unreachableRedis();
    const degraded = await appWith(deps, { redis, remoteAddress: testIp() });
    try {
      expect((await degraded.api.as(artist).post('/v1/auth/logout')).status).toBe(204);
      expect((await degraded.api.as(artist).get('/v1/me')).status).toBe(401);
    } finally {
      await degraded.close();
      redis.disconnect();
    }
  });
});
