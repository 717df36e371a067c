import type { TrackList } from '@soundcheck/api/tracks/schema.ts';
import type { Static } from 'typebox';
import { type Release, releaseFactory, type Track } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Page = Static<typeof TrackList>;

const order = (release: Release) => release.tracks.map((t) => t.id);

describe('GET/PATCH/DELETE /v1/releases/{id}/tracks/{trackId}', { tags: ['integration', 'catalog'] }, () => {
  test('moving a track renumbers the others; removing one closes the gap', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.ep().as(api, manager).create();
    const [a, b, c, d, e] = order(release);
    const moved = await api.as(manager).patch(`/v1/releases/${release.id}/tracks/${e}`, { trackNumber: 2 });
    expect(moved.body).toMatchObject({ id: e, trackNumber: 2 });
    const read = async () => (await api.as(manager).get<Release>(`/v1/releases/${release.id}`)).body;
    expect(order(await read())).toEqual([a, e, b, c, d]);
    expect((await read()).tracks.map((t) => t.trackNumber)).toEqual([1, 2, 3, 4, 5]);
    expect((await api.as(manager).delete(`/v1/releases/${release.id}/tracks/${b}`)).status).toBe(204);
    const after = await read();
    expect(order(after)).toEqual([a, e, c, d]);
    expect(after.tracks.map((t) => t.trackNumber)).toEqual([1, 2, 3, 4]);
    const beyond = await api.as(manager).patch(`/v1/releases/${release.id}/tracks/${a}`, { trackNumber: 5 });
    expect(beyond.body).toMatchObject({ status: 422, errors: [{ field: 'trackNumber' }] });
  });

  test('PATCH changes fields and checks identifiers; GET reads one track', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const track = release.tracks[0]!;
    const path = `/v1/releases/${release.id}/tracks/${track.id}`;
    const changed = await api
      .as(manager)
      .patch(path, { instrumental: true, language: null, isrc: 'gb-ajy-12-34567' });
    expect(changed.body).toEqual({
      ...track,
      instrumental: true,
      language: null,
      isrc: 'GBAJY1234567',
      updatedAt: expect.any(String),
    });
    expect((await api.as(manager).get(path)).body).toEqual(changed.body);
    expect((await api.as(manager).patch(path, { isrc: 'aa-xyz-012-3456' })).status).toBe(400);
    expect((await api.as(manager).patch(path, { releaseId: release.id })).status).toBe(400);
  });

  test('a track of another release answers 404 under this one', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const one = await releaseFactory.single().as(api, manager).create();
    const two = await releaseFactory.single().as(api, manager).create();
    const path = `/v1/releases/${one.id}/tracks/${two.tracks[0]!.id}`;
    expect((await api.as(manager).get(path)).status).toBe(404);
    expect((await api.as(manager).patch(path, { title: 'x' })).status).toBe(404);
    expect((await api.as(manager).delete(path)).status).toBe(404);
  });

  test('GET /tracks pages in disc and track order', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.album({ tracks: 7 }).as(api, manager).create();
    const seen: Track[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (
        await api
          .as(manager)
          .get<Page>(`/v1/releases/${release.id}/tracks?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(release.tracks);
    expect((await api.as(manager).get(`/v1/releases/${release.id}/tracks?cursor=Zm9v`)).status).toBe(400);
  });
});
