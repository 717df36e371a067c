import type { ArtistList } from '@soundcheck/api/artists/schema.ts';
import type { Static } from 'typebox';
import { type Artist, createArtist } from '../../factories/artists.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Page = Static<typeof ArtistList>;

describe('GET /v1/artists, GET/PATCH /v1/artists/{id}', {
  tags: ['integration', 'catalog', 'tenancy'],
}, () => {
  test('lists the label’s artists, filtered by q, newest first with -createdAt, in pages', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const made: Artist[] = [];
    for (const name of ['Angèle', 'Damso', 'Angelo Ferrari'])
      made.push(await createArtist(api, manager, { name }));
    await createArtist(api, await signedIn(api, admin, { role: 'label_manager' }), { name: 'Angie' });
    const found = await api.as(manager).get<Page>('/v1/artists?q=ang');
    expect(found.body.items.map((a) => a.name)).toEqual(['Angèle', 'Angelo Ferrari']);
    const first = await api.as(manager).get<Page>('/v1/artists?sort=-createdAt&limit=2');
    expect(first.body.items.map((a) => a.id)).toEqual([made[2]!.id, made[1]!.id]);
    const second = await api
      .as(manager)
      .get<Page>(`/v1/artists?sort=-createdAt&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [made[0]], nextCursor: null });
    expect((await api.as(manager).get('/v1/artists?sort=name')).status).toBe(400);
  });

  test('PATCH changes the name and identifiers; a bad ISNI is 400 and changes nothing', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await createArtist(api, manager);
    const path = `/v1/artists/${artist.id}`;
    const changed = await api
      .as(manager)
      .patch(path, { name: 'Stromae', isni: '000000012281955x', ipiNameNumber: null });
    expect(changed.body).toEqual({
      ...artist,
      name: 'Stromae',
      isni: '000000012281955X',
      ipiNameNumber: null,
      updatedAt: expect.any(String),
    });
    expect((await api.as(manager).patch(path, { isni: '0000 0001 1111 955X' })).status).toBe(400);
    expect((await api.as(manager).patch(path, { labelId: manager.labelId })).status).toBe(400);
    expect((await api.as(manager).get(path)).body).toEqual(changed.body);
  });

  test('an artist account edits only the artists it created; a reviewer reads but cannot edit', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artistUser = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    const byManager = await createArtist(api, manager);
    const byArtist = await createArtist(api, artistUser);
    expect((await api.as(artistUser).patch(`/v1/artists/${byArtist.id}`, { name: 'Mine' })).status).toBe(200);
    expect((await api.as(artistUser).patch(`/v1/artists/${byManager.id}`, { name: 'Theirs' })).status).toBe(
      403,
    );
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    expect((await api.as(reviewer).get(`/v1/artists/${byManager.id}`)).status).toBe(200);
    expect((await api.as(reviewer).patch(`/v1/artists/${byManager.id}`, { name: 'X' })).status).toBe(403);
  });
});
