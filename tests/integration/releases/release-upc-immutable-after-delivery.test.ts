import { markFirstDelivered } from '@soundcheck/api/releases/transition.ts';
import { randomEan13, randomIsrc } from '../../factories/identifiers.ts';
import { type Release, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('identifiers are frozen after the first delivery', {
  tags: ['integration', 'catalog', 'workflow'],
}, () => {
  test('UPC, release type, ISRCs and track order/count → 409 IMMUTABLE_FIELD; other fields still change', async ({
    api,
    admin,
    db,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'changes_requested');
    // As the first upload of a delivery does; the revise cycle then reopens the release in changes_requested.
    await markFirstDelivered(db.orm, release.id, new Date());
    const [track] = release.tracks as [Release['tracks'][number]];
    const attempts = [
      api.as(owner).patch(`/v1/releases/${release.id}`, { upc: randomEan13() }),
      api.as(owner).patch(`/v1/releases/${release.id}`, { releaseType: 'ep' }),
      api.as(owner).patch(`/v1/releases/${release.id}/tracks/${track.id}`, { isrc: randomIsrc() }),
      api.as(owner).post(`/v1/releases/${release.id}/tracks`, trackBody(release.primaryArtistIds[0]!, 2)),
      api.as(owner).delete(`/v1/releases/${release.id}/tracks/${track.id}`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.body).toMatchObject({ status: 409, code: 'IMMUTABLE_FIELD' });
    }
    const same = await api.as(owner).patch<Release>(`/v1/releases/${release.id}`, {
      upc: release.upc,
      genre: 'Soundtrack',
    });
    expect(same.body).toMatchObject({ upc: release.upc, genre: 'Soundtrack' });
    const retitled = await api
      .as(owner)
      .patch(`/v1/releases/${release.id}/tracks/${track.id}`, { title: 'New' });
    expect(retitled.body).toMatchObject({ title: 'New', isrc: track.isrc });
  });
});
