import { covers } from '../../contract/checklist.ts';
import { createArtist } from '../../factories/artists.ts';
import { releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

const MISSING = '01900000-0000-7000-8000-00000000beef';

const comparable = (body: unknown) => {
  const { requestId: _requestId, ...rest } = body as Record<string, unknown>;
  return rest;
};

type Ids = { artist: string; release: string; track: string; artistInLabel: string };
type Probe = [method: string, path: (ids: Ids) => string, body?: (ids: Ids) => unknown];

// Every artists/releases/tracks route and method, each with a body that passes the shape checks (400
// comes before 404), aimed at another label's resource.
const probes: Probe[] = [
  ['GET', (i) => `/v1/artists/${i.artist}`],
  ['PATCH', (i) => `/v1/artists/${i.artist}`, () => ({ name: 'Taken' })],
  ['GET', (i) => `/v1/releases/${i.release}`],
  ['PATCH', (i) => `/v1/releases/${i.release}`, () => ({ title: 'Taken' })],
  ['DELETE', (i) => `/v1/releases/${i.release}`],
  ['POST', (i) => `/v1/releases/${i.release}/validate`],
  ['GET', (i) => `/v1/releases/${i.release}/history`],
  ['GET', (i) => `/v1/releases/${i.release}/tracks`],
  ['POST', (i) => `/v1/releases/${i.release}/tracks`, (i) => trackBody(i.artistInLabel, 2)],
  ['GET', (i) => `/v1/releases/${i.release}/tracks/${i.track}`],
  ['PATCH', (i) => `/v1/releases/${i.release}/tracks/${i.track}`, () => ({ title: 'Taken' })],
  ['DELETE', (i) => `/v1/releases/${i.release}/tracks/${i.track}`],
  ['POST', (i) => `/v1/releases/${i.release}/submit`],
  ['POST', (i) => `/v1/releases/${i.release}/withdraw`],
  ['POST', (i) => `/v1/releases/${i.release}/start-review`],
  [
    'POST',
    (i) => `/v1/releases/${i.release}/request-changes`,
    () => ({ reasons: [{ rule: 'M1', message: 'x' }] }),
  ],
  ['POST', (i) => `/v1/releases/${i.release}/approve`],
  ['POST', (i) => `/v1/releases/${i.release}/archive`],
];

describe('another label’s catalog is answered like a missing one', {
  tags: ['security', 'tenancy', 'catalog'],
  ...covers('releases.read.404-other-label', 'security.other-label-404-same-body'),
}, () => {
  test.for(
    probes.map(
      ([method, path, body]) =>
        [
          `${method} ${path({ artist: '{id}', release: '{id}', track: '{trackId}', artistInLabel: '' })}`,
          method,
          path,
          body,
        ] as const,
    ),
  )(
    '%s: 404 with the body of a missing id, and nothing changes',
    async ([, method, path, body], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const owner = await signedIn(api, admin, { role: 'label_manager' });
      const foreign = await releaseFactory.single().as(api, owner).create();
      const own = await createArtist(api, manager);
      const real: Ids = {
        artist: foreign.primaryArtistIds[0]!,
        release: foreign.id,
        track: foreign.tracks[0]!.id,
        artistInLabel: own.id,
      };
      const fake: Ids = { artist: MISSING, release: MISSING, track: MISSING, artistInLabel: own.id };
      const send = (ids: Ids) =>
        api.as(manager).request({ method, path: path(ids), ...(body ? { body: body(ids) } : {}) });
      const [other, missing] = [await send(real), await send(fake)];
      expect(other.status).toBe(404);
      expect(comparable(other.body)).toEqual(comparable(missing.body));
      expect((await api.as(owner).get(`/v1/releases/${foreign.id}`)).body).toEqual(foreign);
    },
  );

  test('an artist account sees only the releases it created, even in its own label', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    const managers = await releaseFactory.single().as(api, manager).create();
    for (const path of [
      `/v1/releases/${managers.id}`,
      `/v1/releases/${managers.id}/tracks`,
      `/v1/releases/${managers.id}/history`,
    ]) {
      expect((await api.as(artist).get(path)).status).toBe(404);
    }
    expect((await api.as(artist).post(`/v1/releases/${managers.id}/submit`)).status).toBe(404);
  });

  test('a partner account sees no catalog at all', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const partner = await signedIn(api, admin, { role: 'partner' });
    expect((await api.as(partner).get(`/v1/releases/${release.id}`)).status).toBe(404);
    expect((await api.as(partner).get('/v1/releases')).body).toEqual({ items: [], nextCursor: null });
    expect((await api.as(partner).get('/v1/artists')).body).toEqual({ items: [], nextCursor: null });
    const body = releaseBody(release.primaryArtistIds, { labelId: manager.labelId! });
    expect((await api.as(partner).post('/v1/releases', body)).status).toBe(403);
  });
});
