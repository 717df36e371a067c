import { Redis } from 'ioredis';

/**
 * A real ioredis client whose server is gone: with no offline queue and no retries every command is refused
 * at once, as in production when Redis is down. `disconnect()` it at the end of the test.
 */
export const downRedis = (): Redis =>
  new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null });
