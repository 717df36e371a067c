import { createLabel, signedIn } from '../../factories/signed-in.ts';
import { userFactory } from '../../factories/users.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('POST /v1/users', { tags: ['integration', 'catalog', 'tenancy'] }, () => {
  test('an admin creates an account; the password is never returned', async ({ api, admin }) => {
    const label = await createLabel(api, admin);
    const params = userFactory.build({ role: 'label_manager', labelId: label.id });
    const response = await api.as(admin).post('/v1/users', params);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: params.email,
      role: 'label_manager',
      labelId: label.id,
      partnerId: null,
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(response.text).not.toContain(params.password);
    expect(response.text).not.toMatch(/argon2|passwordHash/i);
  });

  test('a label manager creates artists and managers in their own label, by default there', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await api.as(manager).post('/v1/users', userFactory.build({ role: 'artist' }));
    expect(artist.status).toBe(201);
    expect(artist.body).toMatchObject({ role: 'artist', labelId: manager.labelId });
    const peer = await signedIn(api, admin, {
      role: 'label_manager',
      creator: manager,
      labelId: manager.labelId!,
    });
    expect(peer).toMatchObject({ role: 'label_manager', labelId: manager.labelId });
  });

  test.for(['admin', 'reviewer', 'partner'] as const)(
    'a label manager may not create a %s account (403)',
    async (role, { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const body = userFactory.build({ role, ...(role === 'partner' ? { partnerId: manager.id } : {}) });
      const response = await api.as(manager).post('/v1/users', body);
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
    },
  );

  test('a label manager may not create accounts in another label (403)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const other = await createLabel(api, admin);
    const response = await api.as(manager).post('/v1/users', userFactory.build({ labelId: other.id }));
    expect(response.status).toBe(403);
  });

  test.for(['artist', 'reviewer', 'partner'] as const)(
    'a %s may not create accounts (403)',
    async (role, { api, admin }) => {
      const user = await signedIn(api, admin, { role });
      const label = await createLabel(api, admin);
      const response = await api
        .as(user)
        .post('/v1/users', userFactory.build({ labelId: user.labelId ?? label.id }));
      expect(response.status).toBe(403);
    },
  );

  test('an e-mail already in use (in any case) is 409 CONFLICT', async ({ api, admin }) => {
    const label = await createLabel(api, admin);
    const params = userFactory.build({ labelId: label.id });
    expect((await api.as(admin).post('/v1/users', params)).status).toBe(201);
    const again = await api.as(admin).post('/v1/users', { ...params, email: params.email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT' });
  });

  test.for([
    ['an artist without a label', { role: 'artist' }, 'labelId'],
    [
      'a reviewer with a label',
      { role: 'reviewer', labelId: '01900000-0000-7000-8000-000000000001' },
      'labelId',
    ],
    ['a partner without a partner', { role: 'partner' }, 'partnerId'],
    ['an unknown label', { role: 'artist', labelId: '01900000-0000-7000-8000-000000000001' }, 'labelId'],
    ['an unknown role', { role: 'superuser' }, 'role'],
    ['a short password', { role: 'reviewer', password: 'short' }, 'password'],
    ['a malformed e-mail', { role: 'reviewer', email: 'not-an-email' }, 'email'],
    ['a server-owned property', { role: 'reviewer', active: false }, 'active'],
    ['a password hash', { role: 'reviewer', passwordHash: 'x' }, 'passwordHash'],
  ] as const)('rejects %s with 400 on that field', async ([, change, field], { api, admin }) => {
    const response = await api.as(admin).post('/v1/users', { ...userFactory.build(), ...change });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field })],
    });
  });
});
