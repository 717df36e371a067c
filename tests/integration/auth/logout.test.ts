import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('POST /v1/auth/logout', { tags: ['integration', 'auth'] }, () => {
  test('204; that access token and its refresh family stop working at once', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const other = await api.post<{ accessToken: string }>('/v1/auth/login', {
      email: user.email,
      password: user.password,
    });
    const response = await api.as(user).post('/v1/auth/logout');
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect((await api.as(user).get('/v1/me')).status).toBe(401);
    expect((await api.post('/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    // Logging out one session leaves the account's other sessions alone.
    expect((await api.as(other.body).get('/v1/me')).status).toBe(200);
  });

  test('needs a token: 401 with www-authenticate', async ({ api }) => {
    const response = await api.post('/v1/auth/logout');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
