import { randomUUID } from 'node:crypto';
import { signToken, verifyToken } from '@soundcheck/api/auth/tokens.ts';
import { loadConfig } from '@soundcheck/api/config.ts';
import { SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';

const config = loadConfig({ NODE_ENV: 'test' });
const key = new TextEncoder().encode(config.jwtSecret);
const now = new Date('2026-03-01T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const ids = { sub: randomUUID(), sid: randomUUID(), jti: randomUUID() };

/** Every claim of a valid access token; tests remove or change one at a time. */
const complete = (): Record<string, unknown> => ({
  sub: ids.sub,
  jti: ids.jti,
  sid: ids.sid,
  ver: 0,
  use: 'access',
  iss: config.jwtIssuer,
  aud: config.jwtAudience,
  iat: nowSeconds,
  exp: nowSeconds + 900,
});

const sign = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);

describe('JWT claims', { tags: ['unit', 'auth'] }, () => {
  test('a signed access token verifies to its claims, with a 15-minute life', async () => {
    const { token, jti } = await signToken(config, now, {
      use: 'access',
      sub: ids.sub,
      sid: ids.sid,
      ver: 3,
    });
    expect(await verifyToken(config, now, token, 'access')).toEqual({
      sub: ids.sub,
      jti,
      sid: ids.sid,
      ver: 3,
      use: 'access',
      iat: nowSeconds,
      exp: nowSeconds + 15 * 60,
    });
  });

  test('a refresh token lives 7 days and is never accepted as an access token (nor the reverse)', async () => {
    const refresh = await signToken(config, now, { use: 'refresh', sub: ids.sub, sid: ids.sid, ver: 0 });
    const access = await signToken(config, now, { use: 'access', sub: ids.sub, sid: ids.sid, ver: 0 });
    expect((await verifyToken(config, now, refresh.token, 'refresh'))?.exp).toBe(nowSeconds + 7 * 24 * 3600);
    expect(await verifyToken(config, now, refresh.token, 'access')).toBeNull();
    expect(await verifyToken(config, now, access.token, 'refresh')).toBeNull();
  });

  test('the hand-built complete token is accepted (so each refusal below is about one claim)', async () => {
    expect(await verifyToken(config, now, await sign(complete()), 'access')).not.toBeNull();
  });

  test.each(['exp', 'iat', 'sub', 'jti', 'iss', 'aud', 'sid', 'ver', 'use'])(
    'a token without %s is refused',
    async (claim) => {
      const claims = complete();
      delete claims[claim];
      expect(await verifyToken(config, now, await sign(claims), 'access')).toBeNull();
    },
  );

  test.each([
    ['another issuer', { iss: 'someone-else' }],
    ['another audience', { aud: 'other-clients' }],
    ['expired a second ago', { exp: nowSeconds - 1 }],
    ['issued in the future', { iat: nowSeconds + 3600, exp: nowSeconds + 7200 }],
    ['a subject that is not a uuid', { sub: "1' OR '1'='1" }],
    ['a session that is not a uuid', { sid: 'abc' }],
    ['a fractional token version', { ver: 0.5 }],
  ])('a token with %s is refused', async (_what, change) => {
    expect(await verifyToken(config, now, await sign({ ...complete(), ...change }), 'access')).toBeNull();
  });

  test('a token signed with another secret or with another HMAC algorithm is refused', async () => {
    const foreign = await new SignJWT(complete())
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-of-at-least-thirty-two-characters'));
    const hs512 = await new SignJWT(complete()).setProtectedHeader({ alg: 'HS512' }).sign(key);
    expect(await verifyToken(config, now, foreign, 'access')).toBeNull();
    expect(await verifyToken(config, now, hs512, 'access')).toBeNull();
  });
});
