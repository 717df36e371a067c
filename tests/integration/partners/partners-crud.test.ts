import { partners } from '@soundcheck/api/partners/tables.ts';
import { eq } from 'drizzle-orm';
import { createPartner, partnerFactory, s3Transport, sftpTransport } from '../../factories/partners.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('partners: create, read, update', { tags: ['integration', 'delivery', 'external_deps'] }, () => {
  test('credentials are write-only: masked in every response, sealed in the database', async ({
    api,
    admin,
    db,
    sftp,
  }) => {
    const created = await createPartner(api, admin, sftpTransport(sftp));
    expect(created.callbackSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.transport).toEqual({
      kind: 'sftp',
      host: 'localhost',
      port: sftp.port,
      username: sftp.username,
      root: '/',
      password: '********',
    });
    const read = await api.as(admin).get<Record<string, unknown>>(`/v1/partners/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.text).not.toContain(sftp.password);
    expect(read.body).not.toHaveProperty('callbackSecret');
    const [row] = await db.orm.select().from(partners).where(eq(partners.id, created.id));
    expect(JSON.stringify(row)).not.toContain(sftp.password);
    expect(JSON.stringify(row)).not.toContain(created.callbackSecret);
    expect(row?.credentials.password).toMatch(/^v1\./);
  });

  test('a PATCH without the password keeps it: test-connection still logs in', async ({
    api,
    admin,
    sftp,
  }) => {
    const created = await createPartner(api, admin, sftpTransport(sftp));
    const { password: _omitted, ...withoutPassword } = sftpTransport(sftp);
    const patched = await api.as(admin).patch(`/v1/partners/${created.id}`, {
      name: 'Renamed DSP',
      transport: { ...withoutPassword, root: '/' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed DSP' });
    const check = await api.as(admin).post(`/v1/partners/${created.id}/test-connection`);
    expect(check.body).toEqual({
      ok: true,
      detail: expect.stringMatching(/^connected; \d+ file\(s\) at the root$/),
    });
  });

  test('test-connection reports a wrong password as not ok, without the secret', async ({
    api,
    admin,
    sftp,
  }) => {
    const created = await createPartner(api, admin, { ...sftpTransport(sftp), password: 'wrong-password' });
    const check = await api
      .as(admin)
      .post<{ ok: boolean; detail: string }>(`/v1/partners/${created.id}/test-connection`);
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.detail).toMatch(/SFTP cannot connect to localhost/);
    expect(check.text).not.toContain('wrong-password');
  });

  test('rotate-callback-secret returns a new secret once', async ({ api, admin, sftp }) => {
    const created = await createPartner(api, admin, sftpTransport(sftp));
    const rotated = await api
      .as(admin)
      .post<{ callbackSecret: string }>(`/v1/partners/${created.id}/rotate-callback-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.callbackSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.callbackSecret).not.toBe(created.callbackSecret);
  });

  test('an S3 transport needs its secret key; a bad DPID is 400; a taken DPID 409', async ({
    api,
    admin,
    mocks,
    sftp,
  }) => {
    const { secretAccessKey: _none, ...noSecret } = s3Transport(mocks.s3, 'partner-bucket', 'in');
    const missing = await api.as(admin).post('/v1/partners', partnerFactory.build({ transport: noSecret }));
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'transport.secretAccessKey' }],
    });
    const badDpid = await api
      .as(admin)
      .post(
        '/v1/partners',
        partnerFactory.build({ transport: sftpTransport(sftp), dpid: 'PADPIDA2011072101X' }),
      );
    expect(badDpid.status).toBe(400);
    const first = await createPartner(api, admin, s3Transport(mocks.s3, 'partner-bucket', 'in'));
    const again = await api
      .as(admin)
      .post('/v1/partners', partnerFactory.build({ transport: sftpTransport(sftp), dpid: first.dpid }));
    expect(again.status).toBe(409);
  });

  test('label managers see who partners are, not their transport; only admins write', async ({
    api,
    admin,
    sftp,
  }) => {
    const created = await createPartner(api, admin, sftpTransport(sftp));
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const read = await api.as(manager).get(`/v1/partners/${created.id}`);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body as object).sort()).toEqual([
      'createdAt',
      'dpid',
      'ernVersion',
      'id',
      'leadTimeDays',
      'name',
      'profile',
      'updatedAt',
    ]);
    expect((await api.as(manager).patch(`/v1/partners/${created.id}`, { name: 'x' })).status).toBe(403);
    expect(
      (await api.as(manager).post('/v1/partners', partnerFactory.build({ transport: sftpTransport(sftp) })))
        .status,
    ).toBe(403);
    const artist = await signedIn(api, admin, { role: 'artist' });
    expect((await api.as(artist).get(`/v1/partners/${created.id}`)).status).toBe(404);
  });
});
