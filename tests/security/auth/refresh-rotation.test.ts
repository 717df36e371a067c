import type { TokenPair } from '@soundcheck/api/sessions/schema.ts';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Pair = Static<typeof TokenPair>;

// API.md: POST /v1/auth/refresh → 200 new pair (rotation); a refresh token already rotated → 401 and the
// whole token family is revoked.
describe('refresh tokens rotate', { tags: ['security', 'auth'], ...covers('auth.refresh.200') }, () => {
  test('a refresh answers a new pair that works; the old refresh token is spent and its reuse revokes the family', async ({
    api,
    admin,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const rotated = await api.post<Pair>('/v1/auth/refresh', { refreshToken: user.refreshToken });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number) });
    expect(rotated.body.refreshToken).not.toBe(user.refreshToken);
    expect(rotated.headers['cache-control']).toContain('no-store');
    const me = await api.as(rotated.body).get<{ id: string }>('/v1/me');
    expect({ status: me.status, id: me.body.id }).toEqual({ status: 200, id: user.id });

    // The spent token presented again: refused, and the pair it was rotated into stops working too.
    expect((await api.post('/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await api.post('/v1/auth/refresh', { refreshToken: rotated.body.refreshToken })).status).toBe(
      401,
    );
  });
});
