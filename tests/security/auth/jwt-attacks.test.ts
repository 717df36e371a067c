import { SignJWT } from 'jose';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];
const payloadOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(parts(token)[1], 'base64url').toString('utf8'));

/** The victim's claims re-labelled as the admin's: what an attacker wants a forged token to say. */
const asAdmin = (user: SignedInUser, admin: SignedInUser) => ({
  ...payloadOf(user.accessToken),
  sub: admin.id,
});

/** API.md: a bad token → 401 with `www-authenticate: Bearer`; the code is the target's own (documented). */
async function expectRefused(api: ApiClient, token: string) {
  const response = await api.get('/v1/me', { authorization: `Bearer ${token}` });
  await expectRefusal(api, response, { status: 401 });
  expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
}

describe('JWT attacks on access tokens', {
  tags: ['security', 'auth'],
  ...covers(
    'security.jwt-alg-none-refused',
    'security.jwt-tampered-refused',
    'security.401-www-authenticate',
    'me.401',
  ),
}, () => {
  test.for(['none', 'None', 'NONE', 'nOnE'])('alg "%s" is refused', async (alg, { api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    // The user's own claims, unsigned: refused only if the signature is checked at all (a forged `sub`
    // alone could also be refused for not matching its session).
    const own = parts(user.accessToken)[1];
    await expectRefused(api, `${b64({ alg, typ: 'JWT' })}.${own}.`);
    await expectRefused(api, `${b64({ alg, typ: 'JWT' })}.${b64(asAdmin(user, admin))}.`);
    await expectRefused(api, `${b64({ alg, typ: 'JWT' })}.${b64(asAdmin(user, admin))}`);
  });

  test('a stripped signature is refused', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const [header, payload] = parts(user.accessToken);
    await expectRefused(api, `${header}.${payload}.`);
  });

  test('a payload tampered under the original signature is refused', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const [header, , signature] = parts(user.accessToken);
    await expectRefused(api, `${header}.${b64(asAdmin(user, admin))}.${signature}`);
    await expectRefused(
      api,
      `${header}.${b64({ ...payloadOf(user.accessToken), exp: 4102444800 })}.${signature}`,
    );
  });

  test('a token signed with a foreign secret is refused', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const foreign = await new SignJWT(asAdmin(user, admin))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('an-attacker-secret-with-enough-characters'));
    await expectRefused(api, foreign);
  });

  test('a refresh token is never an access token', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    await expectRefused(api, user.refreshToken);
  });

  test('the signature checks happen before the account is read: a valid token of a deleted account fails', async ({
    api,
    admin,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    await api.as(admin).delete(`/v1/users/${user.id}`);
    await expectRefused(api, user.accessToken);
  });
});

// Needs our signing secret and pins our claims (`sid`, `ver`): a target's key and claims are its own.
describe('JWT claims signed with the real secret (in-process)', {
  tags: ['security', 'auth', 'implementation'],
}, () => {
  const resign = (secret: string, claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(secret));

  test('the re-signed original is accepted, so each refusal below is about its one change', async ({
    api,
    admin,
    deps,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const token = await resign(deps.config.jwtSecret, payloadOf(user.accessToken));
    expect((await api.get('/v1/me', { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  test('an expired token is refused', async ({ api, admin, deps }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(
      api,
      await resign(deps.config.jwtSecret, { ...payloadOf(user.accessToken), iat: now - 1000, exp: now - 10 }),
    );
  });

  test.for(['exp', 'iat', 'sub', 'jti', 'iss', 'aud'])(
    'a token without %s is refused',
    async (claim, { api, admin, deps }) => {
      const user = await signedIn(api, admin, { role: 'artist' });
      const claims = payloadOf(user.accessToken);
      delete claims[claim];
      await expectRefused(api, await resign(deps.config.jwtSecret, claims));
    },
  );

  test('a token for another session of the same user, or a stale token version, is refused', async ({
    api,
    admin,
    deps,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const claims = payloadOf(user.accessToken);
    await expectRefused(api, await resign(deps.config.jwtSecret, { ...claims, sid: crypto.randomUUID() }));
    await expectRefused(api, await resign(deps.config.jwtSecret, { ...claims, ver: Number(claims.ver) + 1 }));
  });
});
