import { fc } from '@fast-check/vitest';
import {
  memoryReplayGuard,
  redisReplayGuard,
  signCallback,
  verifyCallback,
} from '@soundcheck/api/deliveries/callback-signature.ts';
import { embeddedRedis } from '@soundcheck/api/redis.ts';
import { describe, expect, test } from 'vitest';

const secret = 'a'.repeat(64);
const now = new Date('2025-03-07T12:00:00.000Z');
const nowSeconds = String(now.getTime() / 1000);
const body =
  '{"messageId":"M1","releaseStatus":"SuccessfullyIngestedByReleaseDistributor","fileStatus":"FileOK"}';

function request(overrides: Partial<Parameters<typeof verifyCallback>[0]> = {}) {
  return {
    secrets: [secret],
    timestamp: nowSeconds,
    signature: signCallback(secret, nowSeconds, body),
    rawBody: body,
    now,
    replay: memoryReplayGuard(() => now.getTime()),
    scope: 'partner-1',
    ...overrides,
  };
}

// Unit tests of our own verifier, on the embedded Redis (they import no app, so mutation testing runs them
// fast); the real Redis in callback-replay-redis.test.ts, the same promises over HTTP in
// callback-signature-http.test.ts.
describe('partner callback signatures', { tags: ['security', 'delivery', 'implementation'] }, () => {
  test('the signature is sha256=HMAC-SHA256(secret, timestamp + "." + raw body)', () => {
    // Computed independently: printf '1741348800.{}' | openssl dgst -sha256 -hmac "$(printf 'a%.0s' {1..64})"
    expect(signCallback(secret, '1741348800', '{}')).toBe(
      'sha256=3a634dd4a6aac75ee9acf258673a9b8d5638a9ff7fc1081c2af0dcbeefbc1dc2',
    );
  });

  test('a correctly signed, fresh callback is accepted', async () => {
    expect(await verifyCallback(request())).toEqual({ ok: true });
  });

  const past = String(Number(nowSeconds) - 301);
  const future = String(Number(nowSeconds) + 301);
  const missing = { reason: 'missing', detail: 'x-timestamp and x-signature are both required' };
  const malformed = {
    reason: 'malformed',
    detail: 'x-timestamp must be Unix seconds and x-signature sha256=<hex>',
  };
  const badSignature = { reason: 'bad_signature', detail: 'the signature does not match' };
  const stale = { reason: 'stale', detail: 'x-timestamp is more than 5 minutes from now' };
  const signed = signCallback(secret, nowSeconds, body);
  const prefixed = `x${nowSeconds}`;
  test.each([
    ['no timestamp', { timestamp: undefined }, missing],
    ['no signature', { signature: undefined }, missing],
    ['a timestamp that is not Unix seconds', { timestamp: '2025-03-07T12:00:00Z' }, malformed],
    // Signed over the forged timestamp itself: only the format check can refuse it (Number() of it is NaN).
    [
      'a timestamp with text before its digits',
      { timestamp: prefixed, signature: signCallback(secret, prefixed, body) },
      malformed,
    ],
    ['a signature without the sha256= prefix', { signature: signed.slice(7) }, malformed],
    ['a signature with text before sha256=', { signature: `x${signed}` }, malformed],
    ['a signature with a 65th hex digit', { signature: `${signed}0` }, malformed],
    [
      'a signature made with another secret',
      { signature: signCallback('b'.repeat(64), nowSeconds, body) },
      badSignature,
    ],
    ['a body changed after signing', { rawBody: body.replace('FileOK', 'ResourceCorrupt') }, badSignature],
    // Correctly signed, but outside the window.
    [
      'a timestamp 301 s in the past',
      { timestamp: past, signature: signCallback(secret, past, body) },
      stale,
    ],
    [
      'a timestamp 301 s in the future',
      { timestamp: future, signature: signCallback(secret, future, body) },
      stale,
    ],
  ] as const)('%s is refused, saying why', async (_case, overrides, refusal) => {
    expect(await verifyCallback(request(overrides))).toEqual({ ok: false, ...refusal });
  });

  test('the window is five minutes either way, inclusive', async () => {
    for (const offset of [-300, 300]) {
      const timestamp = String(Number(nowSeconds) + offset);
      const verdict = await verifyCallback(
        request({ timestamp, signature: signCallback(secret, timestamp, body) }),
      );
      expect(verdict).toEqual({ ok: true });
    }
  });

  test('the same signed callback twice: the second is a replay', async () => {
    const replay = memoryReplayGuard(() => now.getTime());
    expect(await verifyCallback(request({ replay }))).toEqual({ ok: true });
    expect(await verifyCallback(request({ replay }))).toEqual({
      ok: false,
      reason: 'replayed',
      detail: 'this signature was already accepted',
    });
  });

  test('forged callbacks do not fill the replay store', async () => {
    const seen: string[] = [];
    const replay = {
      firstSeen: async (key: string) => {
        seen.push(key);
        return true;
      },
    };
    await verifyCallback(request({ replay, signature: `sha256=${'0'.repeat(64)}` }));
    expect(seen).toEqual([]);
  });

  test('during a secret rotation either secret verifies', async () => {
    const next = 'c'.repeat(64);
    const r = request({ secrets: [next, secret] });
    expect(await verifyCallback(r)).toEqual({ ok: true });
  });

  test('any single-character change to a valid signature is refused', async () => {
    const valid = signCallback(secret, nowSeconds, body);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 7, max: valid.length - 1 }),
        fc.constantFrom(...'0123456789abcdef'),
        async (i, c) => {
          fc.pre(valid[i] !== c);
          const forged = valid.slice(0, i) + c + valid.slice(i + 1);
          expect(await verifyCallback(request({ signature: forged }))).toMatchObject({
            reason: 'bad_signature',
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  test('the Redis guard keeps callback-replay:<scope>:<signature> for twice the window, set only if absent', async () => {
    const redis = embeddedRedis(`replay-${Math.random()}:`);
    const replay = redisReplayGuard(redis);
    expect(await verifyCallback(request({ replay }))).toEqual({ ok: true });
    expect(await verifyCallback(request({ replay }))).toMatchObject({ reason: 'replayed' });
    const key = `callback-replay:partner-1:${signCallback(secret, nowSeconds, body)}`;
    expect(await redis.get(key)).toBe('1');
    expect(await redis.ttl(key)).toBe(600);
    // Another partner's identical signature is its own key.
    expect(await verifyCallback(request({ replay, scope: 'partner-2' }))).toEqual({ ok: true });
  });

  test('the memory guard forgets a signature once its time is up, not before', async () => {
    let t = now.getTime();
    const replay = memoryReplayGuard(() => t);
    expect(await replay.firstSeen('k', 600)).toBe(true);
    t += 599_999;
    expect(await replay.firstSeen('k', 600)).toBe(false);
    t += 1;
    expect(await replay.firstSeen('k', 600)).toBe(true);
    expect(await replay.firstSeen('other', 600)).toBe(true);
  });
});
