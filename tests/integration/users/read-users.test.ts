import type { UserPage } from '@soundcheck/api/users/schema.ts';
import type { Static } from 'typebox';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Page = Static<typeof UserPage>;

describe('GET /v1/users and /v1/users/{id}', { tags: ['integration', 'catalog', 'tenancy'] }, () => {
  test('a label manager lists the accounts of their own label only', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    await signedIn(api, admin, { role: 'artist' });
    const response = await api.as(manager).get<Page>('/v1/users');
    expect(response.status).toBe(200);
    expect(response.body.items.map((user) => user.id).sort()).toEqual([manager.id, artist.id].sort());
    expect(response.body.nextCursor).toBeNull();
    expect((await api.as(manager).get(`/v1/users/${artist.id}`)).body).toMatchObject({ id: artist.id });
  });

  test('an admin lists everyone, filters by label and role, and pages by cursor', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const labelId = manager.labelId!;
    const artists = [];
    for (let i = 0; i < 3; i++) artists.push(await signedIn(api, admin, { role: 'artist', labelId }));
    const filtered = await api.as(admin).get<Page>(`/v1/users?labelId=${labelId}&role=artist&limit=2`);
    expect(filtered.body.items.map((user) => user.id)).toEqual(artists.slice(0, 2).map((user) => user.id));
    const rest = await api
      .as(admin)
      .get<Page>(`/v1/users?labelId=${labelId}&role=artist&limit=2&cursor=${filtered.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ id: artists[2]!.id })], nextCursor: null });
    const byEmail = await api.as(admin).get<Page>(`/v1/users?labelId=${labelId}&sort=-email`);
    const emails = byEmail.body.items.map((user) => user.email);
    expect(emails).toEqual([...emails].sort().reverse());
  });

  test.for(['artist', 'reviewer', 'partner'] as const)(
    'a %s may not list accounts (403) but reads their own',
    async (role, { api, admin }) => {
      const user = await signedIn(api, admin, { role });
      expect((await api.as(user).get('/v1/users')).status).toBe(403);
      expect((await api.as(user).get(`/v1/users/${user.id}`)).body).toMatchObject({ id: user.id, role });
    },
  );

  test('an artist does not see the other accounts of their label (404)', async ({ api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const colleague = await signedIn(api, admin, { role: 'artist', labelId: artist.labelId! });
    const response = await api.as(artist).get(`/v1/users/${colleague.id}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', detail: 'The user was not found' });
  });

  test('?sort outside the documented fields is 400', async ({ api, admin }) => {
    const response = await api.as(admin).get('/v1/users?sort=passwordHash');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'querystring.sort' }],
    });
  });
});
