import { labelFactory, randomDpid } from '../../factories/labels.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('POST /v1/labels', { tags: ['integration', 'catalog'] }, () => {
  test('an admin creates a label; a display-form DPID is stored canonical', async ({ api, admin }) => {
    const dpid = randomDpid();
    const params = labelFactory.build({ dpid: `PA-DPIDA-${dpid.slice(7, 17)}-${dpid[17]}` });
    const response = await api.as(admin).post('/v1/labels', params);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/),
      name: params.name,
      dpid,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  test('a DPID with a wrong check character is 400 on the dpid field', async ({ api, admin }) => {
    const response = await api
      .as(admin)
      .post('/v1/labels', labelFactory.build({ dpid: 'PADPIDA2014120301U' }));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'dpid', code: 'INVALID_CHECK_CHARACTER' }],
    });
  });

  test('a DPID already used by another label is 409 CONFLICT', async ({ api, admin }) => {
    const dpid = randomDpid();
    expect((await api.as(admin).post('/v1/labels', labelFactory.build({ dpid }))).status).toBe(201);
    const again = await api.as(admin).post('/v1/labels', labelFactory.build({ dpid }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT' });
  });

  test.for([
    ['an unknown property', { name: 'Label', id: '01900000-0000-7000-8000-000000000001' }, 'id'],
    ['an empty name', { name: '' }, 'name'],
    ['a name that is not text', { name: 42 }, 'name'],
    ['no name', {}, 'name'],
  ] as const)('rejects %s with 400', async ([, body, field], { api, admin }) => {
    const response = await api.as(admin).post('/v1/labels', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
  });

  test.for(['label_manager', 'artist', 'reviewer', 'partner'] as const)(
    'a %s may not create labels (403)',
    async (role, { api, admin }) => {
      const user = await signedIn(api, admin, { role });
      const response = await api.as(user).post('/v1/labels', labelFactory.build());
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
    },
  );

  test('without a token: 401 before the body is even looked at', async ({ api }) => {
    const response = await api.post('/v1/labels', { nonsense: true });
    expect(response.status).toBe(401);
  });
});
