import { covers } from '../../contract/checklist.ts';
import { createLabel, signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

const MISSING = '01900000-0000-7000-8000-00000000dead';

/** The body a client sees, minus what differs per request. */
const comparable = (body: unknown) => {
  const { requestId: _requestId, ...rest } = body as Record<string, unknown>;
  return rest;
};

describe('another label is answered like a missing resource', {
  tags: ['security', 'tenancy'],
  ...covers('users.404-other-label', 'security.other-label-404-same-body'),
}, () => {
  const userRequests = [
    ['GET', undefined],
    ['PATCH', { active: false }],
    ['PATCH', { role: 'artist' }],
    ['PATCH', { password: 'another-long-password' }],
    ['DELETE', undefined],
  ] as const;

  test.for(userRequests)(
    '%s /v1/users/{id} of another label: 404, the same body as a missing id',
    async ([method, body], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const foreign = await signedIn(api, admin, { role: 'label_manager' });
      const send = (id: string) => api.as(manager).request({ method, path: `/v1/users/${id}`, body });
      const [other, missing] = [await send(foreign.id), await send(MISSING)];
      expect(other.status).toBe(404);
      expect(comparable(other.body)).toEqual(comparable(missing.body));
      expect((await api.as(foreign).get('/v1/me')).body).toMatchObject({ role: 'label_manager' });
    },
  );

  test.for([
    ['GET', undefined],
    ['PATCH', { name: 'Taken over' }],
  ] as const)(
    '%s /v1/labels/{id} of another label: 404, the same body as a missing id',
    async ([method, body], { api, admin }) => {
      const artist = await signedIn(api, admin, { role: 'artist' });
      const foreign = await createLabel(api, admin);
      const send = (id: string) => api.as(artist).request({ method, path: `/v1/labels/${id}`, body });
      const [other, missing] = [await send(foreign.id), await send(MISSING)];
      expect(other.status).toBe(404);
      expect(comparable(other.body)).toEqual(comparable(missing.body));
      expect((await api.as(admin).get(`/v1/labels/${foreign.id}`)).body).toMatchObject({
        name: foreign.name,
      });
    },
  );

  test('lists never show another label, whatever the filter asks for', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const foreign = await signedIn(api, admin, { role: 'artist' });
    const users = await api
      .as(manager)
      .get<{ items: Array<{ id: string }> }>(`/v1/users?labelId=${foreign.labelId}`);
    expect(users.body.items).toEqual([]);
    const labels = await api.as(manager).get<{ items: Array<{ id: string }> }>('/v1/labels?limit=100');
    expect(labels.body.items.map((label) => label.id)).toEqual([manager.labelId]);
  });
});
