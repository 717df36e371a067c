import { covers } from '../../contract/checklist.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

const comparable = (body: unknown) => {
  const { requestId: _requestId, instance: _instance, ...rest } = body as Record<string, unknown>;
  return rest;
};

describe('a disabled account', {
  tags: ['security', 'auth'],
  ...covers(
    'security.disabled-user-at-once',
    'security.role-change-at-once',
    'auth.login.401-same-for-unknown-wrong-disabled',
    'auth.refresh.401',
  ),
}, () => {
  test('cannot sign in — the same 401 as a wrong password — and its tokens stop working at once', async ({
    api,
    admin,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const disabled = await api.as(admin).patch(`/v1/users/${user.id}`, { active: false });
    expect(disabled.status).toBe(200);
    expect((await api.as(user).get('/v1/me')).status).toBe(401);
    expect((await api.post('/v1/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    const login = await api.post('/v1/auth/login', { email: user.email, password: user.password });
    await expectRefusal(api, login, { status: 401, code: 'INVALID_CREDENTIALS' });
    const wrong = await api.post('/v1/auth/login', { email: user.email, password: `${user.password}!` });
    expect(comparable(login.body)).toEqual(comparable(wrong.body));
    // Enabled again, the account signs in as before.
    expect((await api.as(admin).patch(`/v1/users/${user.id}`, { active: true })).status).toBe(200);
    expect((await api.post('/v1/auth/login', { email: user.email, password: user.password })).status).toBe(
      200,
    );
  });

  test('a role change takes effect on the next request', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    expect((await api.as(manager).post('/v1/artists', { name: 'Before' })).status).toBe(201);
    expect((await api.as(admin).patch(`/v1/users/${manager.id}`, { role: 'artist' })).status).toBe(200);
    expect((await api.as(manager).get<{ role: string }>('/v1/me')).body.role).toBe('artist');
  });
});
