import { covers } from '../../contract/checklist.ts';
import { releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('types are never coerced', {
  tags: ['security', 'catalog'],
  ...covers('security.types-never-coerced', 'releases.create.400-field'),
}, () => {
  test.for([
    ['pLine.year', { pLine: { year: '2024', owner: 'Owner' } }],
    ['cLine.year', { cLine: { year: 2024.5, owner: 'Owner' } }],
    ['upc', { upc: 602537479870 }],
    ['title', { title: ['Two', 'Titles'] }],
    ['primaryArtistIds', { primaryArtistIds: 'one-id' }],
    ['releaseType', { releaseType: null }],
    ['territories', { territories: 'worldwide' }],
  ] as const)(
    'a release whose %s has the wrong type is 400 on that field',
    async ([field, change], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const release = await releaseFactory.single().as(api, manager).create();
      const response = await api
        .as(manager)
        .post('/v1/releases', { ...releaseBody(release.primaryArtistIds), ...change });
      await expectRefusal(api, response, { status: 400, code: 'VALIDATION_FAILED', field });
    },
  );

  test.for([
    ['trackNumber', { trackNumber: '3' }],
    ['discNumber', { discNumber: '1' }],
    ['instrumental', { instrumental: 'true' }],
    ['contributors', { contributors: { artistId: 'x', role: 'MainArtist' } }],
  ] as const)(
    'a track whose %s has the wrong type is 400 on that field',
    async ([field, change], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const release = await releaseFactory.single().as(api, manager).create();
      const body = { ...trackBody(release.primaryArtistIds[0]!, 2), ...change };
      const response = await api.as(manager).post(`/v1/releases/${release.id}/tracks`, body);
      await expectRefusal(api, response, { status: 400, code: 'VALIDATION_FAILED', field });
    },
  );

  test('a body that is not JSON, or JSON of the wrong shape, is 400, never 500', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    for (const payload of ['{"title":', '[]', '"release"', 'null', '12']) {
      const response = await api.as(manager).request({
        method: 'POST',
        path: '/v1/releases',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect({ payload, status: response.status }).toEqual({ payload, status: 400 });
    }
  });
});
