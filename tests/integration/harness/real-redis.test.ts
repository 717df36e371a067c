import { describe, expect, test } from '../../utils/test.ts';

describe('tests that need the real Redis server', { tags: ['integration', 'harness', 'redis'] }, () => {
  test('get a client on the server, in their own namespace', async ({ realRedis, services }) => {
    expect(services.redis).not.toBeNull();
    await realRedis.set('probe', '1', 'PX', 10_000);
    // OBJECT ENCODING is server introspection the embedded stand-in does not answer.
    const ttl = await realRedis.pttl('probe');
    expect(ttl).toBeGreaterThan(0);
    expect(await realRedis.call('OBJECT', 'ENCODING', `${realRedis.options.keyPrefix}probe`)).toBe('int');
  });
});
