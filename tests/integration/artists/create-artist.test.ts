import { artistFactory } from '../../factories/artists.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('POST /v1/artists', { tags: ['integration', 'catalog', 'identifiers'] }, () => {
  test('a label manager creates an artist in their label; the ISNI is stored without spaces', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const response = await api
      .as(manager)
      .post('/v1/artists', { name: 'Stromae', isni: '0000 0001 2281 955X', ipiNameNumber: '00014107338' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      labelId: manager.labelId,
      name: 'Stromae',
      isni: '000000012281955X',
      ipiNameNumber: '00014107338',
      createdBy: manager.id,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  test.for([
    ['isni', { isni: '0000 0001 1111 955X' }],
    ['isni', { isni: '0000000080549162' }],
    ['ipiNameNumber', { ipiNameNumber: '00014107339' }],
    ['ipiNameNumber', { ipiNameNumber: '1410733' }],
  ] as const)('a bad %s is 400 VALIDATION_FAILED naming the field', async ([field, bad], { api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const response = await api.as(manager).post('/v1/artists', artistFactory.build(bad));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
  });

  test('an admin must name the label; a manager naming another label is 403', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const other = await signedIn(api, admin, { role: 'label_manager' });
    const withoutLabel = await api.as(admin).post('/v1/artists', artistFactory.build());
    expect(withoutLabel.status).toBe(400);
    expect(withoutLabel.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'labelId' }] });
    const inLabel = await api
      .as(admin)
      .post('/v1/artists', artistFactory.build({ labelId: manager.labelId! }));
    expect(inLabel.status).toBe(201);
    const elsewhere = await api
      .as(manager)
      .post('/v1/artists', artistFactory.build({ labelId: other.labelId! }));
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('reviewers and partners may not create artists (403); no token is 401', async ({ api, admin }) => {
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    expect((await api.as(reviewer).post('/v1/artists', artistFactory.build())).status).toBe(400);
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const body = artistFactory.build({ labelId: manager.labelId! });
    expect((await api.as(reviewer).post('/v1/artists', body)).status).toBe(403);
    expect((await api.post('/v1/artists', body)).status).toBe(401);
  });

  test('unknown properties and wrong types are refused', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const unknown = await api.as(manager).post('/v1/artists', { ...artistFactory.build(), spotifyId: 'x' });
    expect(unknown.body).toMatchObject({
      status: 400,
      errors: [{ field: 'spotifyId', code: 'UNKNOWN_PROPERTY' }],
    });
    const wrongType = await api.as(manager).post('/v1/artists', { name: 42 });
    expect(wrongType.body).toMatchObject({ status: 400, errors: [{ field: 'name', code: 'INVALID_TYPE' }] });
  });
});
