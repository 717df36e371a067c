import type { TokenPair } from '@soundcheck/api/sessions/schema.ts';
import type { Static } from 'typebox';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Pair = Static<typeof TokenPair>;

describe('POST /v1/auth/refresh', { tags: ['integration', 'auth'] }, () => {
  test('rotates: a new pair whose access token works, and whose refresh token rotates again', async ({
    api,
    admin,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const first = await api.post<Pair>('/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    expect((await api.as(first.body).get('/v1/me')).body).toMatchObject({ id: user.id });
    const second = await api.post<Pair>('/v1/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
  });

  test('a refresh token presented twice revokes its whole family, access tokens included', async ({
    api,
    admin,
  }) => {
    const user = await signedIn(api, admin, { role: 'label_manager' });
    const rotated = await api.post<Pair>('/v1/auth/refresh', { refreshToken: user.refreshToken });
    const reuse = await api.post('/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body).toMatchObject({ code: 'INVALID_TOKEN' });
    // The legitimate holder's newer tokens die with the family.
    expect((await api.post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken })).status).toBe(
      401,
    );
    expect((await api.as(rotated.body).get('/v1/me')).status).toBe(401);
    expect((await api.as(user).get('/v1/me')).status).toBe(401);
    // Other sign-ins of the same account are separate families and keep working.
    const again = await api.post<Pair>('/v1/auth/login', { email: user.email, password: user.password });
    expect((await api.as(again.body).get('/v1/me')).status).toBe(200);
  });

  test('two racing refreshes with the same token: one pair is issued, then the family is revoked', async ({
    api,
    admin,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const results = await Promise.all([
      api.post('/v1/auth/refresh', { refreshToken: user.refreshToken }),
      api.post('/v1/auth/refresh', { refreshToken: user.refreshToken }),
    ]);
    expect(results.map((response) => response.status).sort()).toEqual([200, 401]);
  });

  test('an access token, a garbage string or an unknown property is refused', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const asAccess = await api.post('/v1/auth/refresh', { refreshToken: user.accessToken });
    expect(asAccess.status).toBe(401);
    expect(asAccess.body).toMatchObject({ code: 'INVALID_TOKEN' });
    expect((await api.post('/v1/auth/refresh', { refreshToken: 'not-a-token' })).status).toBe(401);
    const extra = await api.post('/v1/auth/refresh', { refreshToken: user.refreshToken, sub: admin.id });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ errors: [{ field: 'sub', code: 'UNKNOWN_PROPERTY' }] });
  });

  test('a disabled account can no longer refresh', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    await api.as(admin).patch(`/v1/users/${user.id}`, { active: false });
    expect((await api.post('/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
  });
});
