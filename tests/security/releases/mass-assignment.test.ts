import { covers } from '../../contract/checklist.ts';
import { artistFactory } from '../../factories/artists.ts';
import { releaseBody, releaseFactory, trackBody } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

const ADMIN_ID = '01900000-0000-7000-8000-000000000001';

describe('mass assignment on the catalog', {
  tags: ['security', 'catalog'],
  ...covers(
    'releases.create.400-unknown-property',
    'releases.update.400-unknown-property',
    'security.state-not-writable',
    'security.unknown-properties-refused',
  ),
}, () => {
  test.for([
    ['state', 'approved'],
    ['createdBy', ADMIN_ID],
    ['id', ADMIN_ID],
    ['firstDeliveredAt', '2020-01-01T00:00:00Z'],
    ['tracks', []],
    ['status', 'approved'],
  ] as const)(
    'POST /v1/releases with %s is 400 on that field, and nothing is written',
    async ([field, value], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const release = await releaseFactory.single().as(api, manager).create();
      const body = releaseBody(release.primaryArtistIds);
      const response = await api.as(manager).post('/v1/releases', { ...body, [field]: value });
      await expectRefusal(api, response, { status: 400, code: 'VALIDATION_FAILED', field });
      // Nothing was written: the same body without the smuggled field creates the release (its UPC is free).
      expect((await api.as(manager).post('/v1/releases', body)).status).toBe(201);
    },
  );

  test.for([
    ['state', 'approved'],
    ['labelId', ADMIN_ID],
    ['createdBy', ADMIN_ID],
    ['firstDeliveredAt', null],
    ['status', 'approved'],
  ] as const)(
    'PATCH /v1/releases/{id} with %s is 400 and changes nothing',
    async ([field, value], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const release = await releaseFactory.single().as(api, manager).create();
      const response = await api
        .as(manager)
        .patch(`/v1/releases/${release.id}`, { title: 'New', [field]: value });
      await expectRefusal(api, response, { status: 400, code: 'VALIDATION_FAILED', field });
      expect((await api.as(manager).get(`/v1/releases/${release.id}`)).body).toEqual(release);
    },
  );

  test('tracks refuse releaseId and id; artists refuse createdBy', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, manager).create();
    const other = await releaseFactory.single().as(api, manager).create();
    const track = { ...trackBody(release.primaryArtistIds[0]!, 2), releaseId: other.id };
    const path = `/v1/releases/${release.id}/tracks/${release.tracks[0]!.id}`;
    const refusals = [
      await api.as(manager).post(`/v1/releases/${release.id}/tracks`, track),
      await api.as(manager).patch(path, { id: ADMIN_ID }),
      await api.as(manager).post('/v1/artists', { ...artistFactory.build(), createdBy: ADMIN_ID }),
    ];
    // Each is refused for its one smuggled field, not for some other fault in the body.
    for (const [i, field] of ['releaseId', 'id', 'createdBy'].entries())
      await expectRefusal(api, refusals[i]!, { status: 400, code: 'VALIDATION_FAILED', field });
    expect((await api.as(manager).get(`/v1/releases/${release.id}`)).body).toEqual(release);
    expect((await api.as(manager).get(`/v1/releases/${other.id}`)).body).toEqual(other);
  });
});
