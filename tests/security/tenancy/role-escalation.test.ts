import { covers } from '../../contract/checklist.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { userFactory } from '../../factories/users.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('role escalation and mass assignment', {
  tags: ['security', 'tenancy'],
  ...covers(
    'users.update.403-own-role',
    'users.create.400-unknown-property',
    'security.unknown-properties-refused',
  ),
}, () => {
  test.for(['artist', 'label_manager', 'reviewer', 'partner'] as const)(
    'a %s cannot raise their own role',
    async (role, { api, admin }) => {
      const user = await signedIn(api, admin, { role });
      for (const target of ['admin', 'reviewer', 'label_manager'] as const) {
        const response = await api.as(user).patch(`/v1/users/${user.id}`, { role: target });
        expect({ target, status: response.status }).toEqual({ target, status: 403 });
      }
      expect((await api.as(user).get('/v1/me')).body).toMatchObject({ role });
    },
  );

  // API.md only says no one *raises* their own role; refusing an admin's own demotion is our policy.
  test('an admin cannot change their own role or disable themselves', {
    tags: ['implementation'],
  }, async ({ api, admin }) => {
    expect((await api.as(admin).patch(`/v1/users/${admin.id}`, { role: 'reviewer' })).status).toBe(403);
    expect((await api.as(admin).patch(`/v1/users/${admin.id}`, { active: false })).status).toBe(403);
    expect((await api.as(admin).get('/v1/me')).body).toMatchObject({ role: 'admin' });
  });

  test('a label manager cannot make anyone an admin, reviewer or partner', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    for (const role of ['admin', 'reviewer', 'partner'] as const) {
      const response = await api.as(manager).patch(`/v1/users/${artist.id}`, { role });
      expect({ role, status: response.status }).toEqual({ role, status: 403 });
    }
    expect((await api.as(artist).get('/v1/me')).body).toMatchObject({ role: 'artist' });
  });

  test('a label manager cannot reach the admin account, which has no label (404)', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    // A label manager sees admins only through their own label; the bootstrap admin has none: 404.
    expect((await api.as(manager).patch(`/v1/users/${admin.id}`, { active: false })).status).toBe(404);
    expect((await api.as(manager).delete(`/v1/users/${admin.id}`)).status).toBe(404);
    // The refusal comes before the write: the admin is still there and still active.
    expect((await api.as(admin).get(`/v1/users/${admin.id}`)).body).toMatchObject({
      id: admin.id,
      active: true,
    });
  });

  test('an artist can change their password but nothing else about themselves', async ({ api, admin }) => {
    const artist = await signedIn(api, admin, { role: 'artist' });
    expect((await api.as(artist).patch(`/v1/users/${artist.id}`, { active: true })).status).toBe(403);
    expect(
      (await api.as(artist).patch(`/v1/users/${artist.id}`, { password: 'my-new-password' })).status,
    ).toBe(200);
    const login = (password: string) => api.post('/v1/auth/login', { email: artist.email, password });
    expect([(await login(artist.password)).status, (await login('my-new-password')).status]).toEqual([
      401, 200,
    ]);
    expect((await api.as(admin).get(`/v1/users/${artist.id}`)).body).toMatchObject({
      role: 'artist',
      active: true,
    });
  });

  test.for([
    ['id', '01900000-0000-7000-8000-000000000001'],
    ['active', false],
    ['tokenVersion', 99],
    ['passwordHash', '$argon2id$v=19$m=19456,t=2,p=1$x$y'],
    ['createdAt', '2000-01-01T00:00:00Z'],
    ['deletedAt', null],
  ] as const)(
    'POST /v1/users with %s is refused (400), never applied',
    async ([field, value], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const body = { ...userFactory.build(), [field]: value };
      const response = await api.as(manager).post('/v1/users', body);
      await expectRefusal(api, response, { status: 400, code: 'VALIDATION_FAILED', field });
      expect((await api.post('/v1/auth/login', { email: body.email, password: body.password })).status).toBe(
        401,
      );
    },
  );

  test('PATCH /v1/users/{id} cannot move an account to another label or rename its e-mail', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    for (const [field, value] of [
      ['labelId', admin.id],
      ['email', 'mine@soundcheck.test'],
      ['partnerId', admin.id],
    ] as const) {
      const response = await api.as(manager).patch(`/v1/users/${artist.id}`, { [field]: value });
      await expectRefusal(api, response, { status: 400, code: 'VALIDATION_FAILED', field });
    }
    expect((await api.as(artist).get('/v1/me')).body).toMatchObject({
      labelId: manager.labelId,
      email: artist.email,
    });
  });
});
