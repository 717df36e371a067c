import type { ReleaseList } from '@soundcheck/api/releases/schema.ts';
import type { Static } from 'typebox';
import { createArtist } from '../../factories/artists.ts';
import { type Release, releaseBody, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Page = Static<typeof ReleaseList>;

describe('GET /v1/releases and /v1/releases/{id}', { tags: ['integration', 'catalog', 'tenancy'] }, () => {
  test('a release reads back whole, with its tracks in order', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const created = await releaseFactory.ep().as(api, manager).create();
    const response = await api.as(manager).get<Release>(`/v1/releases/${created.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created);
    expect(response.body.tracks.map((track) => track.trackNumber)).toEqual([1, 2, 3, 4, 5]);
  });

  test('lists only what the caller sees: own label for managers, own creations for artists, all for reviewers', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    const byManager = await releaseFactory.single().as(api, manager).create();
    const byArtist = await releaseFactory.single().as(api, artist).create();
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    const foreign = await releaseFactory.single().as(api, stranger).create();
    const ids = (page: Page) => page.items.map((release) => release.id).sort();

    expect(ids((await api.as(manager).get<Page>('/v1/releases')).body)).toEqual(
      [byManager.id, byArtist.id].sort(),
    );
    expect(ids((await api.as(artist).get<Page>('/v1/releases')).body)).toEqual([byArtist.id]);
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const seen = await api.as(reviewer).get<Page>(`/v1/releases?labelId=${stranger.labelId}`);
    expect(ids(seen.body)).toEqual([foreign.id]);
    // A label filter never widens what a label user sees.
    expect((await api.as(manager).get<Page>(`/v1/releases?labelId=${stranger.labelId}`)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  test('filters by state and by part of the title (q treats % literally)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await createArtist(api, manager);
    const make = (title: string) =>
      api.as(manager).post<Release>('/v1/releases', releaseBody([artist.id], { title }));
    const sunny = (await make('Sunny Days')).body;
    await make('Rainy 100% Nights');
    const q = await api.as(manager).get<Page>('/v1/releases?q=sunny');
    expect(q.body.items.map((r) => r.id)).toEqual([sunny.id]);
    expect((await api.as(manager).get<Page>('/v1/releases?q=%25')).body.items.map((r) => r.title)).toEqual([
      'Rainy 100% Nights',
    ]);
    expect((await api.as(manager).get<Page>('/v1/releases?state=submitted')).body.items).toEqual([]);
    expect((await api.as(manager).get<Page>('/v1/releases?state=draft')).body.items).toHaveLength(2);
    expect((await api.as(manager).get('/v1/releases?state=pending')).status).toBe(400);
  });

  test.for(['title', '-title', 'releaseDate', '-releaseDate', 'createdAt', '-createdAt'])(
    'pages through every release once, in %s order',
    async (sort, { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const artist = await createArtist(api, manager);
      const titles = ['Delta', 'Alpha', 'Charlie', 'Bravo', 'Echo'];
      for (const [i, title] of titles.entries()) {
        const releaseDate = `2031-0${(i % 3) + 1}-01`; // ties on the date exercise the id tie-breaker
        await api.as(manager).post('/v1/releases', releaseBody([artist.id], { title, releaseDate }));
      }
      const seen: Page['items'] = [];
      let cursor: string | null = null;
      do {
        const page: Page = (
          await api
            .as(manager)
            .get<Page>(`/v1/releases?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
        ).body;
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen.map((r) => r.id)).size).toBe(5);
      const field = sort.replace('-', '') as 'title' | 'releaseDate' | 'createdAt';
      const values = seen.map((r) => r[field]);
      const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(values).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
    },
  );

  test('an undocumented sort, a bad limit or a forged cursor is 400', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    for (const query of ['sort=upc', 'sort=state', 'limit=0', 'limit=101', 'cursor=bm9wZQ', 'colour=red']) {
      const response = await api.as(manager).get(`/v1/releases?${query}`);
      expect({ query, status: response.status, code: (response.body as { code: string }).code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });

  test('a release of another label, a missing one and a malformed id: 404, 404, 400', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    const foreign = await releaseFactory.single().as(api, stranger).create();
    const hidden = await api.as(manager).get(`/v1/releases/${foreign.id}`);
    const missing = await api.as(manager).get('/v1/releases/01890000-0000-7000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect({ ...(hidden.body as object), requestId: null }).toEqual({
      ...(missing.body as object),
      requestId: null,
    });
    expect((await api.as(manager).get('/v1/releases/not-a-uuid')).status).toBe(400);
  });
});
