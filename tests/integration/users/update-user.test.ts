import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('PATCH /v1/users/{id}', { tags: ['integration', 'catalog', 'tenancy'] }, () => {
  test('a label manager promotes an artist of their label to label_manager', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    const response = await api.as(manager).patch(`/v1/users/${artist.id}`, { role: 'label_manager' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: artist.id, role: 'label_manager', labelId: manager.labelId });
  });

  test('a new password ends every session of the account and is the one that signs in', async ({
    api,
    admin,
  }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const response = await api
      .as(artist)
      .patch(`/v1/users/${artist.id}`, { password: 'a-new-long-password' });
    expect(response.status).toBe(200);
    expect((await api.as(artist).get('/v1/me')).status).toBe(401);
    expect((await api.post('/v1/auth/refresh', { refreshToken: artist.refreshToken })).status).toBe(401);
    expect(
      (await api.post('/v1/auth/login', { email: artist.email, password: artist.password })).status,
    ).toBe(401);
    const fresh = await api.post('/v1/auth/login', { email: artist.email, password: 'a-new-long-password' });
    expect(fresh.status).toBe(200);
  });

  test('an admin disables and re-enables an account', async ({ api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    expect((await api.as(admin).patch(`/v1/users/${artist.id}`, { active: false })).body).toMatchObject({
      active: false,
    });
    expect(
      (await api.post('/v1/auth/login', { email: artist.email, password: artist.password })).status,
    ).toBe(401);
    await api.as(admin).patch(`/v1/users/${artist.id}`, { active: true });
    expect(
      (await api.post('/v1/auth/login', { email: artist.email, password: artist.password })).status,
    ).toBe(200);
  });

  test('a role that needs a label cannot be given to an account without one (422)', async ({
    api,
    admin,
  }) => {
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const response = await api.as(admin).patch(`/v1/users/${reviewer.id}`, { role: 'artist' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'BUSINESS_RULE_VIOLATED', errors: [{ field: 'role' }] });
  });

  test.for([
    ['an empty body', {}],
    ['an unknown property', { email: 'new@soundcheck.test' }],
    ['a label move', { labelId: '01900000-0000-7000-8000-000000000001' }],
    ['a token version', { tokenVersion: 0 }],
    ['a string for a boolean', { active: 'false' }],
  ] as const)('rejects %s with 400', async ([, body], { api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const response = await api.as(admin).patch(`/v1/users/${artist.id}`, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
