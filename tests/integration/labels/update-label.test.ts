import { randomDpid } from '../../factories/labels.ts';
import { createLabel, signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('PATCH /v1/labels/{id}', { tags: ['integration', 'catalog'] }, () => {
  test('an admin renames a label and sets, then clears, its DPID', async ({ api, admin }) => {
    const label = await createLabel(api, admin);
    const dpid = randomDpid();
    const renamed = await api.as(admin).patch(`/v1/labels/${label.id}`, { name: 'Renamed Records', dpid });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...label, name: 'Renamed Records', dpid, updatedAt: expect.any(String) });
    const cleared = await api.as(admin).patch(`/v1/labels/${label.id}`, { dpid: null });
    expect(cleared.body).toMatchObject({ name: 'Renamed Records', dpid: null });
    expect((await api.as(admin).get(`/v1/labels/${label.id}`)).body).toMatchObject({ dpid: null });
  });

  test('a label manager sees their label but may not change it (403)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const response = await api.as(manager).patch(`/v1/labels/${manager.labelId}`, { name: 'Mine now' });
    expect(response.status).toBe(403);
    expect((await api.as(manager).get(`/v1/labels/${manager.labelId}`)).body).not.toMatchObject({
      name: 'Mine now',
    });
  });

  test('a DPID taken by another label is 409; a bad one 400; an empty body 400', async ({ api, admin }) => {
    const dpid = randomDpid();
    await createLabel(api, admin, { dpid });
    const label = await createLabel(api, admin);
    expect((await api.as(admin).patch(`/v1/labels/${label.id}`, { dpid })).status).toBe(409);
    expect((await api.as(admin).patch(`/v1/labels/${label.id}`, { dpid: 'PADPIDA2014120301U' })).status).toBe(
      400,
    );
    expect((await api.as(admin).patch(`/v1/labels/${label.id}`, {})).status).toBe(400);
    expect((await api.as(admin).patch(`/v1/labels/${label.id}`, { createdAt: '2020-01-01' })).status).toBe(
      400,
    );
  });
});
