import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

const invalidCredentials = {
  type: 'https://soundcheck.dev/problems/invalid-credentials',
  title: 'The e-mail or password is wrong',
  status: 401,
  detail: 'The e-mail or password is wrong, or the account is disabled',
  code: 'INVALID_CREDENTIALS',
};

describe('POST /v1/auth/login', { tags: ['integration', 'auth'] }, () => {
  test('returns a bearer pair for the right password, whatever the e-mail case', async ({ api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const response = await api.post('/v1/auth/login', {
      email: artist.email.toUpperCase(),
      password: artist.password,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      refreshToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  test('answers unknown e-mail, wrong password and disabled account identically', async ({ api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const disabled = await signedIn(api, admin, { role: 'artist' });
    expect((await api.as(admin).patch(`/v1/users/${disabled.id}`, { active: false })).status).toBe(200);

    const attempts = [
      { email: `nobody.${artist.id}@soundcheck.test`, password: artist.password },
      { email: artist.email, password: `${artist.password}x` },
      { email: disabled.email, password: disabled.password },
    ];
    for (const attempt of attempts) {
      const response = await api.post('/v1/auth/login', attempt);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ ...invalidCredentials, requestId: expect.any(String) });
    }
  });

  test('rejects a body with unknown or missing properties (400), never signing in', async ({
    api,
    admin,
  }) => {
    const extra = await api.post('/v1/auth/login', {
      email: admin.email,
      password: admin.password,
      role: 'admin',
    });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'role', code: 'UNKNOWN_PROPERTY' }],
    });
    const missing = await api.post('/v1/auth/login', { email: admin.email });
    expect(missing.body).toMatchObject({
      status: 400,
      errors: [{ field: 'password', code: 'REQUIRED' }],
    });
  });
});
