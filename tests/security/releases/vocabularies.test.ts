import { covers } from '../../contract/checklist.ts';
import { releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

// API.md's configurable vocabularies: genre, language (ISO 639-1), contributor role, territory codes.
describe('vocabularies are enforced, never stored as sent', {
  tags: ['security', 'catalog'],
  ...covers('security.vocabularies-enforced', 'qc.M11'),
}, () => {
  test.for([
    ['genre', { genre: 'Polka' }],
    ['genre', { genre: 'pop' }],
    ['language', { language: 'english' }],
    ['language', { language: 'EN-us' }],
    ['parentalAdvisory', { parentalAdvisory: 'maybe' }],
    ['releaseType', { releaseType: 'lp' }],
    ['territories', { territories: { mode: 'everywhere' } }],
  ] as const)(
    'a release whose %s is outside its vocabulary is 400 on it',
    async ([field, change], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const release = await releaseFactory.single().as(api, manager).create();
      const body = { ...releaseBody(release.primaryArtistIds), ...change };
      const refused = await api.as(manager).post('/v1/releases', body);
      await expectRefusal(api, refused, { status: 400, code: 'VALIDATION_FAILED', field });
      // The same release with the vocabulary's own value is accepted: the refusal was about that field.
      const fine = await api.as(manager).post('/v1/releases', releaseBody(release.primaryArtistIds));
      expect(fine.status).toBe(201);
    },
  );

  test('every genre API.md lists is accepted', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    for (const genre of [
      'Alternative',
      "Children's Music",
      'Hip-Hop/Rap',
      'R&B/Soul',
      'Singer/Songwriter',
      'World',
    ]) {
      const created = await api
        .as(manager)
        .post('/v1/releases', releaseBody(release.primaryArtistIds, { genre }));
      expect({ genre, status: created.status }).toEqual({ genre, status: 201 });
    }
  });

  test('a contributor role outside MainArtist…Producer is 400; a PATCH to a bad genre changes nothing', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const artistId = release.primaryArtistIds[0] as string;
    const track = trackBody(artistId, 2, { contributors: [{ artistId, role: 'Drummer' }] });
    const refused = await api.as(manager).post(`/v1/releases/${release.id}/tracks`, track);
    await expectRefusal(api, refused, { status: 400, code: 'VALIDATION_FAILED' });
    const patched = await api.as(manager).patch(`/v1/releases/${release.id}`, { genre: 'Polka' });
    await expectRefusal(api, patched, { status: 400, code: 'VALIDATION_FAILED', field: 'genre' });
    expect((await api.as(manager).get<{ genre: string }>(`/v1/releases/${release.id}`)).body.genre).toBe(
      'Pop',
    );
  });
});
