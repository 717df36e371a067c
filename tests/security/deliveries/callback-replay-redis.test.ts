import {
  redisReplayGuard,
  signCallback,
  verifyCallback,
} from '@soundcheck/api/deliveries/callback-signature.ts';
import { describe, expect, test } from '../../utils/test.ts';

const secret = 'a'.repeat(64);
const now = new Date('2025-03-07T12:00:00.000Z');
const timestamp = String(now.getTime() / 1000);
const body = '{"messageId":"M1","releaseStatus":"ReleaseMadeAvailableToConsumers","fileStatus":"FileOK"}';

// The replay guard on a real Redis server; the verifier's other promises are in callback-signature.test.ts.
describe('partner callback replays on Redis', {
  tags: ['security', 'delivery', 'implementation', 'redis'],
}, () => {
  test('on Redis, a replay is seen across processes and forgotten after twice the window', async ({
    realRedis,
  }) => {
    const scope = `partner-${Math.random()}`;
    const request = (replay: ReturnType<typeof redisReplayGuard>) => ({
      secrets: [secret],
      timestamp,
      signature: signCallback(secret, timestamp, body),
      rawBody: body,
      now,
      replay,
      scope,
    });
    expect(await verifyCallback(request(redisReplayGuard(realRedis)))).toEqual({ ok: true });
    // A second guard on the same server stands for another API process.
    expect(await verifyCallback(request(redisReplayGuard(realRedis)))).toMatchObject({ reason: 'replayed' });
    const ttl = await realRedis.ttl(`callback-replay:${scope}:${signCallback(secret, timestamp, body)}`);
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
  });
});
