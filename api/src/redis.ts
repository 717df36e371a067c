import { Redis } from 'ioredis';
import RedisMock from 'ioredis-mock';

export type RedisClient = Redis;

/** Opens the Redis connection; fails fast with a clear cause when the server cannot be reached. */
export async function connectRedis(url: string, keyPrefix: string): Promise<RedisClient> {
  const redis = new Redis(url, {
    keyPrefix,
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 3000,
    // Keep retrying in the background after start; a request while Redis is down fails fast instead.
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // The commands of every request handled in one turn of the event loop (each request's rate-limit hit,
    // under load many at once) go out in one socket write instead of one each; each stays its own command.
    enableAutoPipelining: true,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw error;
  }
  return redis;
}

/** An in-process stand-in speaking the same commands, for a bare-machine start without REDIS_URL. */
export function embeddedRedis(keyPrefix: string): RedisClient {
  return new RedisMock({ keyPrefix }) as unknown as RedisClient;
}
