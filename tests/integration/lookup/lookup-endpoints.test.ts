import { randomIsrc } from '../../factories/identifiers.ts';
import { signedIn } from '../../factories/signed-in.ts';
import sampleMetadata from '../../fixtures/sample_metadata.json' with { type: 'json' };
import { knownBarcode, knownIsrc } from '../../mocks/musicbrainz.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('GET /v1/lookup/*', { tags: ['integration', 'lookup', 'external_deps'] }, () => {
  test('finds recordings by ISRC (hyphens accepted) from MusicBrainz', async ({ api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    const response = await api.as(artist).get('/v1/lookup/isrc/BE-T67-13-00161');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      isrc: knownIsrc,
      recordings: [
        {
          mbid: '16afa384-174e-435e-bfa3-5591accda31c',
          title: 'Formidable',
          lengthMs: 213000,
          firstReleaseDate: '2013-06-01',
          artists: [],
        },
      ],
    });
  });

  test('asks MusicBrainz with a meaningful User-Agent and JSON', async ({ api, admin, mocks }) => {
    // A code no other test looks up, so the answer cannot come from this file's cache.
    const isrc = randomIsrc();
    await api.as(admin).get(`/v1/lookup/isrc/${isrc}`);
    expect(
      mocks.musicbrainz
        .requestsTo('/ws/2/isrc/')
        .map((r) => ({ path: r.path, ua: r.headers['user-agent'], accept: r.headers.accept })),
    ).toEqual([
      {
        path: `/ws/2/isrc/${isrc}`,
        ua: 'Soundcheck/1.0.0 ( no-reply@soundcheck.local )',
        accept: 'application/json',
      },
    ]);
  });

  test('finds releases by barcode', async ({ api, admin }) => {
    const response = await api.as(admin).get(`/v1/lookup/barcode/${knownBarcode}`);
    expect(response.body).toEqual({
      upc: knownBarcode,
      releases: [
        {
          mbid: 'de57c1d9-5e65-420f-a896-1332e87d4c09',
          title: 'Racine carrée',
          date: '2013-08-16',
          country: 'BE',
          trackCount: 13,
          artists: ['Stromae'],
        },
      ],
    });
  });

  test('a code MusicBrainz does not know is 200 with an empty list', async ({ api, admin }) => {
    const response = await api.as(admin).get('/v1/lookup/isrc/GBAYE0000001');
    expect({ status: response.status, body: response.body }).toEqual({
      status: 200,
      body: { isrc: 'GBAYE0000001', recordings: [] },
    });
  });

  test('a malformed code is 400 VALIDATION_FAILED without asking MusicBrainz', async ({
    api,
    admin,
    mocks,
  }) => {
    const isrc = await api.as(admin).get('/v1/lookup/isrc/NOT-AN-ISRC');
    const upc = await api.as(admin).get('/v1/lookup/barcode/602537479871');
    expect([isrc.status, upc.status]).toEqual([400, 400]);
    expect(upc.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'upc', code: 'INVALID_FORMAT' }],
    });
    expect(mocks.musicbrainz.received).toEqual([]);
  });

  test('needs a signed-in user', async ({ api }) => {
    expect((await api.get(`/v1/lookup/isrc/${knownIsrc}`)).status).toBe(401);
  });

  test('a repeated lookup is answered from the cache', async ({ api, admin, mocks }) => {
    await api.as(admin).get('/v1/lookup/isrc/FRZ039800212');
    await api.as(admin).get('/v1/lookup/isrc/FRZ039800212');
    expect(mocks.musicbrainz.requestsTo('/ws/2/isrc/FRZ039800212')).toHaveLength(1);
  });

  test('503s are retried, then answered 502 UPSTREAM_UNAVAILABLE', async ({ api, admin, mocks }) => {
    mocks.musicbrainz.scenario('/ws/2/isrc/USRC17607839', { rateLimit: true });
    const response = await api.as(admin).get('/v1/lookup/isrc/USRC17607839');
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(mocks.musicbrainz.requestsTo('/ws/2/isrc/USRC17607839')).toHaveLength(4);
  });

  test('a garbled MusicBrainz answer is 502, never a 500', async ({ api, admin, mocks }) => {
    mocks.musicbrainz.scenario('/ws/2/release', { malformedBody: true });
    const response = await api.as(admin).get('/v1/lookup/barcode/4006381333931');
    expect(response.body).toMatchObject({ status: 502, code: 'UPSTREAM_UNAVAILABLE' });
  });

  test('the sample release metadata matches what MusicBrainz answers for its barcode and ISRC', async ({
    api,
    admin,
  }) => {
    const [stromae] = sampleMetadata.releases;
    const formidable = stromae?.tracks.find((track) => track.isrc);
    const byBarcode = await api.as(admin).get(`/v1/lookup/barcode/${stromae?.release.upc}`);
    const byIsrc = await api.as(admin).get(`/v1/lookup/isrc/${formidable?.isrc}`);
    expect(byBarcode.body).toMatchObject({
      releases: [
        {
          title: stromae?.release.title,
          date: stromae?.release.releaseDate,
          trackCount: stromae?.tracks.length,
        },
      ],
    });
    expect(byIsrc.body).toMatchObject({ recordings: [{ title: formidable?.title }] });
  });
});
