import { createArtist } from '../../factories/artists.ts';
import { randomIswc } from '../../factories/identifiers.ts';
import { type Release, releaseFactory, type Track, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

const positions = (release: Release) => release.tracks.map((t) => [t.discNumber, t.trackNumber, t.title]);

describe('POST /v1/releases/{id}/tracks', { tags: ['integration', 'catalog', 'identifiers'] }, () => {
  test('adds a track; a hyphenated lower-case ISRC is stored as 12 upper-case characters', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().invalidForQc('R1-no-tracks').as(api, manager).create();
    const artistId = release.primaryArtistIds[0]!;
    const featured = await createArtist(api, manager);
    const iswc = randomIswc();
    const body = trackBody(artistId, 1, {
      isrc: 'us-skg-19-12345',
      iswc,
      language: 'fr',
      contributors: [
        { artistId, role: 'MainArtist' },
        { artistId: featured.id, role: 'FeaturedArtist' },
      ],
    });
    const response = await api.as(manager).post(`/v1/releases/${release.id}/tracks`, body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      ...body,
      id: expect.any(String),
      releaseId: release.id,
      isrc: 'USSKG1912345',
      iswc: iswc.replace(/[-.]/g, ''),
      discNumber: 1,
      version: null,
      instrumental: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  test.for([
    ['isrc', { isrc: 'US-SKG-19-1234' }],
    ['isrc', { isrc: 'USS-KG-19-12345' }],
    ['iswc', { iswc: 'T-034.524.680-2' }],
    ['iswc', { iswc: 'T-123.456.789-Z' }],
    ['trackNumber', { trackNumber: '1' }],
    ['trackNumber', { trackNumber: 1.5 }],
    [
      'contributors.0.role',
      { contributors: [{ artistId: '01890000-0000-7000-8000-000000000000', role: 'Singer' }] },
    ],
  ] as const)('a bad %s is 400 naming it', async ([field, change], { api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const body = { ...trackBody(release.primaryArtistIds[0]!, 2), ...change };
    const response = await api.as(manager).post(`/v1/releases/${release.id}/tracks`, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: expect.arrayContaining([expect.objectContaining({ field })]),
    });
  });

  test('an ISRC already on the release is 409 CONFLICT, in any spelling', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const existing = release.tracks[0]!.isrc;
    const hyphenated = `${existing.slice(0, 2)}-${existing.slice(2, 5)}-${existing.slice(5, 7)}-${existing.slice(7)}`;
    const response = await api
      .as(manager)
      .post(
        `/v1/releases/${release.id}/tracks`,
        trackBody(release.primaryArtistIds[0]!, 2, { isrc: hyphenated }),
      );
    expect(response.body).toMatchObject({ status: 409, code: 'CONFLICT', errors: [{ field: 'isrc' }] });
  });

  test('the same ISRC on two different releases is allowed (a recording keeps its ISRC)', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const single = await releaseFactory.single().as(api, manager).create();
    const album = await releaseFactory.album().as(api, manager).create();
    const response = await api
      .as(manager)
      .post(
        `/v1/releases/${album.id}/tracks`,
        trackBody(album.primaryArtistIds[0]!, 9, { isrc: single.tracks[0]!.isrc }),
      );
    expect(response.status).toBe(201);
  });

  test('track numbers stay contiguous: a gap is 422, an insert moves the followers up', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().invalidForQc('R1-no-tracks').as(api, manager).create();
    const artistId = release.primaryArtistIds[0]!;
    const add = (n: number, title: string, disc?: number) =>
      api
        .as(manager)
        .post<Track>(
          `/v1/releases/${release.id}/tracks`,
          trackBody(artistId, n, { title, ...(disc ? { discNumber: disc } : {}) }),
        );
    expect((await add(2, 'Gap')).body).toMatchObject({ status: 422, errors: [{ field: 'trackNumber' }] });
    await add(1, 'B');
    await add(2, 'C');
    await add(1, 'A');
    expect((await add(1, 'Far', 3)).body).toMatchObject({ status: 422, errors: [{ field: 'discNumber' }] });
    await add(1, 'D', 2);
    const after = (await api.as(manager).get<Release>(`/v1/releases/${release.id}`)).body;
    expect(positions(after)).toEqual([
      [1, 1, 'A'],
      [1, 2, 'B'],
      [1, 3, 'C'],
      [2, 1, 'D'],
    ]);
  });

  test('contributors must be artists of the release’s label (422); tracks of a submitted release are frozen (409)', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    const theirs = await createArtist(api, stranger);
    const release = await releaseFactory.single().withAssets().as(api, manager).create();
    const foreign = await api.as(manager).post(`/v1/releases/${release.id}/tracks`, trackBody(theirs.id, 2));
    expect(foreign.body).toMatchObject({
      status: 422,
      errors: [{ field: 'contributors.0.artistId', code: 'NOT_FOUND' }],
    });
    expect((await api.as(manager).post(`/v1/releases/${release.id}/submit`)).status).toBe(200);
    const late = await api
      .as(manager)
      .post(`/v1/releases/${release.id}/tracks`, trackBody(release.primaryArtistIds[0]!, 2));
    expect(late.body).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
  });
});
