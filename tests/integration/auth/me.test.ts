import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('GET /v1/me', { tags: ['integration', 'auth'] }, () => {
  test('describes the signed-in account, null where not set', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const response = await api.as(manager).get('/v1/me');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: manager.id,
      email: manager.email,
      role: 'label_manager',
      labelId: manager.labelId,
      partnerId: null,
    });
    expect(response.headers['cache-control']).toBe('no-store');
    expect((await api.as(admin).get('/v1/me')).body).toMatchObject({ role: 'admin', labelId: null });
  });

  test('a partner account shows its partner', async ({ api, admin }) => {
    const partner = await signedIn(api, admin, { role: 'partner' });
    expect((await api.as(partner).get('/v1/me')).body).toMatchObject({
      role: 'partner',
      labelId: null,
      partnerId: partner.partnerId,
    });
  });

  test('a role change or a disabled account takes effect on the next request', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    await api.as(admin).patch(`/v1/users/${manager.id}`, { role: 'artist' });
    expect((await api.as(manager).get('/v1/me')).body).toMatchObject({ role: 'artist' });
    await api.as(admin).patch(`/v1/users/${manager.id}`, { active: false });
    const disabled = await api.as(manager).get('/v1/me');
    expect(disabled.status).toBe(401);
    expect(disabled.body).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  test('without a token: 401 UNAUTHENTICATED; with a bad one: 401 INVALID_TOKEN', async ({ api }) => {
    const missing = await api.get('/v1/me');
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="soundcheck"');
    expect(missing.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const authorization of ['Bearer nonsense', 'Basic YWRtaW46YWRtaW4=', 'Bearer ', 'bearer']) {
      const bad = await api.get('/v1/me', { authorization });
      expect({ authorization, status: bad.status, code: (bad.body as { code: string }).code }).toEqual({
        authorization,
        status: 401,
        code: 'INVALID_TOKEN',
      });
      expect(bad.headers['www-authenticate']).toMatch(/^Bearer realm="soundcheck", error="invalid_token"$/);
    }
  });
});
