import { covers } from '../../contract/checklist.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

// The codes of tests/fixtures/musicbrainz/ (real MusicBrainz answers): a target pointed at MusicBrainz or at
// the suite's mock of it gives the same recording and release.
describe('metadata lookup by ISRC and barcode', {
  tags: ['e2e', 'lookup', 'external_deps'],
  ...covers('lookup.isrc.200', 'lookup.barcode.200', 'lookup.400', 'lookup.401'),
}, () => {
  test('a known ISRC (in any spelling) answers its recordings in the documented shape', async ({
    api,
    admin,
  }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const answer = await api
      .as(user)
      .get<{ isrc: string; recordings: Array<Record<string, unknown>> }>('/v1/lookup/isrc/BET671300161');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      isrc: 'BET671300161',
      recordings: [
        {
          mbid: '16afa384-174e-435e-bfa3-5591accda31c',
          title: 'Formidable',
          lengthMs: 213000,
          firstReleaseDate: '2013-06-01',
          artists: expect.any(Array),
        },
      ],
    });
  });

  test('a known barcode answers its releases; an unknown one an empty list', async ({ api, admin }) => {
    const user = await signedIn(api, admin, { role: 'reviewer' });
    const known = await api
      .as(user)
      .get<{ upc: string; releases: Array<Record<string, unknown>> }>('/v1/lookup/barcode/602537479870');
    expect(known.status).toBe(200);
    expect(known.body.releases).toEqual([
      expect.objectContaining({
        mbid: 'de57c1d9-5e65-420f-a896-1332e87d4c09',
        title: 'Racine carrée',
        date: '2013-08-16',
        country: 'BE',
        trackCount: 13,
      }),
    ]);
    const unknown = await api.as(user).get<{ releases: unknown[] }>('/v1/lookup/barcode/4006381333931');
    expect(unknown.status).toBe(200);
    expect(unknown.body.releases).toEqual([]);
  });

  test.for([
    ['isrc', 'BET67130016'],
    ['isrc', 'not-an-isrc'],
    ['barcode', '602537479871'],
    ['barcode', '12345'],
  ])('a malformed %s %s is 400', async ([kind, code], { api, admin }) => {
    const user = await signedIn(api, admin, { role: 'artist' });
    const answer = await api.as(user).get(`/v1/lookup/${kind}/${code}`);
    await expectRefusal(api, answer, { status: 400, code: 'VALIDATION_FAILED' });
  });

  test('lookups need a signed-in user', async ({ api }) => {
    expect((await api.get('/v1/lookup/isrc/BET671300161')).status).toBe(401);
  });
});
