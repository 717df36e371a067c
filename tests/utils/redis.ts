import { randomBytes } from 'node:crypto';
import { connectRedis, embeddedRedis, type RedisClient } from '@soundcheck/api/redis.ts';
import type { Services } from './services.ts';

/** A Redis namespace of this test file's own (a key prefix), on the real server when there is one. */
export async function openTestRedis(
  services: Services,
): Promise<{ redis: RedisClient; close(): Promise<void> }> {
  const prefix = `t:${services.runToken}:${process.env.VITEST_POOL_ID ?? '0'}:${randomBytes(3).toString('hex')}:`;
  if (!services.redis) {
    const redis = embeddedRedis(prefix);
    return { redis, close: async () => redis.disconnect() };
  }
  const redis = await connectRedis(services.redis, prefix);
  return {
    redis,
    async close() {
      await removeNamespace(redis, prefix);
      redis.disconnect();
    },
  };
}

async function removeNamespace(redis: RedisClient, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    // SCAN's pattern is not prefixed by ioredis and the keys it returns carry the prefix; DEL adds it back.
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys.map((key) => key.slice(prefix.length)));
  } while (cursor !== '0');
}

/** Deletes every key under `prefix` on the Redis server at `url` (a bench's namespace, at its end). */
export async function removeRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = await connectRedis(url, prefix);
  try {
    await removeNamespace(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
