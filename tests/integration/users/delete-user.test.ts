import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('DELETE /v1/users/{id}', { tags: ['integration', 'catalog', 'tenancy'] }, () => {
  test('a label manager retires an artist of their label: 204, gone, signed out, no sign-in', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    const response = await api.as(manager).delete(`/v1/users/${artist.id}`);
    expect(response.status).toBe(204);
    expect((await api.as(manager).get(`/v1/users/${artist.id}`)).status).toBe(404);
    expect((await api.as(artist).get('/v1/me')).status).toBe(401);
    expect(
      (await api.post('/v1/auth/login', { email: artist.email, password: artist.password })).status,
    ).toBe(401);
    expect((await api.as(manager).delete(`/v1/users/${artist.id}`)).status).toBe(404);
  });

  test('no one deletes their own account, not even an admin (403)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    expect((await api.as(manager).delete(`/v1/users/${manager.id}`)).status).toBe(403);
    expect((await api.as(admin).delete(`/v1/users/${admin.id}`)).status).toBe(403);
    expect((await api.as(admin).get('/v1/me')).status).toBe(200);
  });

  test('an artist may not delete a colleague (404: not even visible)', async ({ api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const colleague = await signedIn(api, admin, { role: 'artist', labelId: artist.labelId! });
    expect((await api.as(artist).delete(`/v1/users/${colleague.id}`)).status).toBe(404);
    expect((await api.as(colleague).get('/v1/me')).status).toBe(200);
  });
});
