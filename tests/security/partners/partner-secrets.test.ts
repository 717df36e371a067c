import { covers } from '../../contract/checklist.ts';
import { partnerFactory } from '../../factories/partners.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

const sftpWith = (password: string) => ({
  kind: 'sftp',
  host: 'localhost',
  port: 2222,
  username: 'dsp',
  password,
  root: '/',
});

describe('partner credentials are write-only', {
  tags: ['security', 'delivery'],
  ...covers('security.secrets-write-only', 'partners.create.201'),
}, () => {
  test('an SFTP password and an S3 secret key never come back: not on create, read, list or update', async ({
    api,
    admin,
  }) => {
    const password = `sftp-pw-${crypto.randomUUID()}`;
    const secretAccessKey = `s3-secret-${crypto.randomUUID()}`;
    const sftp = await api
      .as(admin)
      .post<{ id: string }>('/v1/partners', partnerFactory.build({ transport: sftpWith(password) }));
    const s3 = await api.as(admin).post<{ id: string }>(
      '/v1/partners',
      partnerFactory.build({
        transport: {
          kind: 's3',
          endpoint: 'http://localhost:9000',
          bucket: 'secret-bucket',
          prefix: 'in',
          accessKeyId: 'partner-key',
          secretAccessKey,
        },
      }),
    );
    expect([sftp.status, s3.status]).toEqual([201, 201]);
    const newPassword = `sftp-pw-${crypto.randomUUID()}`;
    const answers = [
      sftp,
      s3,
      await api.as(admin).get(`/v1/partners/${sftp.body.id}`),
      await api.as(admin).get(`/v1/partners/${s3.body.id}`),
      await api.as(admin).get('/v1/partners?limit=100'),
      await api.as(admin).patch(`/v1/partners/${sftp.body.id}`, { transport: sftpWith(newPassword) }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      for (const secret of [password, secretAccessKey, newPassword])
        expect(answer.text).not.toContain(secret);
    }
    // API.md: shown as "********" or left out.
    const read = await api
      .as(admin)
      .get<{ transport: { password?: string } }>(`/v1/partners/${sftp.body.id}`);
    expect(['********', undefined]).toContain(read.body.transport.password);
  });

  test('label managers and reviewers never see a partner’s password, and may not change a partner', async ({
    api,
    admin,
  }) => {
    const created = await api
      .as(admin)
      .post<{ id: string }>('/v1/partners', partnerFactory.build({ transport: sftpWith('pw-hidden') }));
    expect(created.status).toBe(201);
    for (const role of ['label_manager', 'reviewer'] as const) {
      const user = await signedIn(api, admin, { role });
      const answer = await api.as(user).get(`/v1/partners/${created.body.id}`);
      expect(answer.text).not.toContain('pw-hidden');
      const moved = await api.as(user).patch(`/v1/partners/${created.body.id}`, { leadTimeDays: 3 });
      expect([403, 404]).toContain(moved.status);
    }
  });
});
