import type { problemSchema } from '@soundcheck/api/http/openapi-errors.ts';
import { partners } from '@soundcheck/api/partners/tables.ts';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import { deliveredRelease } from '../../factories/delivered-release.ts';
import { expectStatus } from '../../factories/expect-status.ts';
import { createPartner, partnerFactory, s3Transport, sftpTransport } from '../../factories/partners.ts';
import { signIn } from '../../factories/signed-in.ts';
import { userFactory } from '../../factories/users.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Problem = Static<typeof problemSchema>;

// Literal addresses (no DNS needed) in every refused class; `localhost` is the tests' allowlisted host.
const internalHosts = [
  ['127.0.0.1', 'loopback'],
  ['::1', 'loopback'],
  ['10.20.30.40', 'private'],
  ['192.168.1.10', 'private'],
  ['169.254.169.254', 'metadata'],
  ['169.254.10.1', 'link-local'],
  ['::ffff:127.0.0.1', 'loopback'],
] as const;
const inUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

describe('partner targets (SSRF), partner accounts and credentials', {
  tags: ['security', 'delivery', 'external_deps'],
  ...covers(
    'partners.create.4xx-private-address',
    'partners.create.4xx-callback-not-https',
    'security.ssrf-private-addresses',
    'security.secrets-write-only',
  ),
}, () => {
  test.for(internalHosts)(
    'a partner pointing at %s (%s) is refused when saved: callback URL, SFTP host, S3 endpoint',
    async ([host], { api, admin, sftp }) => {
      const cases = [
        [
          partnerFactory.build({ transport: sftpTransport(sftp), callbackUrl: `https://${inUrl(host)}/ack` }),
          'callbackUrl',
        ],
        [
          partnerFactory.build({
            transport: {
              kind: 's3',
              endpoint: `https://${inUrl(host)}:9000`,
              bucket: 'ssrf-bucket',
              prefix: 'in',
              accessKeyId: 'partner-key',
              secretAccessKey: 'partner-secret',
            },
          }),
          'transport.endpoint',
        ],
      ] as const;
      for (const [body, field] of cases) {
        // API.md promises the refusal, not which 4xx: a malformed value (400) or a business rule (422).
        const refused = await api.as(admin).post<Problem>('/v1/partners', body);
        await expectRefusal(api, refused, { status: [400, 422], field });
        const listed = await api.as(admin).get<{ items: Array<{ name: string }> }>('/v1/partners?limit=100');
        expect(listed.body.items.map((partner) => partner.name)).not.toContain(body.name);
      }
      // Moving an existing partner there is refused the same way.
      const partner = await createPartner(api, admin, sftpTransport(sftp));
      const moved = await api
        .as(admin)
        .patch<Problem>(`/v1/partners/${partner.id}`, { transport: { ...sftpTransport(sftp), host } });
      await expectRefusal(api, moved, { status: [400, 422], field: 'transport.host' });
      const kept = await api.as(admin).get<{ transport: { host: string } }>(`/v1/partners/${partner.id}`);
      expect(kept.body.transport.host).toBe('localhost');
    },
  );

  test('callback URLs that are not https are refused', async ({ api, admin, sftp }) => {
    for (const callbackUrl of ['http://example.com/ack', 'ftp://example.com/']) {
      const refused = await api
        .as(admin)
        .post<Problem>('/v1/partners', partnerFactory.build({ transport: sftpTransport(sftp), callbackUrl }));
      await expectRefusal(api, refused, { status: [400, 422], field: 'callbackUrl' });
    }
  });

  // Refusing credentials in a callback URL is our policy (API.md asks only for https and a public address).
  test('callback URLs with credentials are refused as OUTBOUND_REFUSED', {
    tags: ['implementation'],
  }, async ({ api, admin, sftp }) => {
    const callbackUrl = 'https://user:pw@example.com/ack';
    const refused = await api
      .as(admin)
      .post<Problem>('/v1/partners', partnerFactory.build({ transport: sftpTransport(sftp), callbackUrl }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((error) => [error.field, error.code])).toEqual([
      ['callbackUrl', 'OUTBOUND_REFUSED'],
    ]);
  });

  test('a host that became internal after it was saved is refused at connection time: test-connection says why and never connects', async ({
    api,
    admin,
    deps,
    db,
    sftp,
  }) => {
    sftp.reset();
    const partner = await createPartner(api, admin, sftpTransport(sftp));
    // As if its DNS now answered with an internal address: the row changes behind the API's back.
    const [row] = await db.orm.select().from(partners).where(eq(partners.id, partner.id));
    await db.orm
      .update(partners)
      .set({ transport: { ...(row?.transport as object), host: '127.0.0.1' } as never })
      .where(eq(partners.id, partner.id));
    const check = await api
      .as(admin)
      .post<{ ok: boolean; detail: string }>(`/v1/partners/${partner.id}/test-connection`);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({
      ok: false,
      detail: expect.stringMatching(/127\.0\.0\.1 resolves to a loopback address/),
    });
    expect(sftp.received).toEqual([]);
    expect(deps.config.outboundAllowlist).toEqual(['localhost']);
  });

  test('a partner account sees its own partner’s deliveries only, and no partner’s credentials', async ({
    api,
    admin,
    background,
    mocks,
  }) => {
    const mine = await createPartner(api, admin, s3Transport(mocks.s3, 'acct-mine', 'in'), {
      profile: 'release_by_release',
    });
    const theirs = await createPartner(api, admin, s3Transport(mocks.s3, 'acct-theirs', 'in'), {
      profile: 'release_by_release',
    });
    const { release, deliveries } = await deliveredRelease(api, admin, background, [mine, theirs]);
    const params = userFactory.build({ role: 'partner', partnerId: mine.id });
    expectStatus(await api.as(admin).post('/v1/users', params), 201, 'POST /v1/users');
    const account = await signIn(api, params.email, params.password);
    const own = deliveries.find((d) => d.partnerId === mine.id);
    const other = deliveries.find((d) => d.partnerId === theirs.id);

    const listed = await api.as(account).get<{ items: Array<{ id: string }> }>('/v1/deliveries');
    expect(listed.body.items.map((d) => d.id)).toEqual([own?.id]);
    const filtered = await api
      .as(account)
      .get<{ items: Array<{ id: string }> }>(`/v1/deliveries?partnerId=${theirs.id}&releaseId=${release.id}`);
    expect(filtered.body.items).toEqual([]);
    expect((await api.as(account).get(`/v1/deliveries/${own?.id}`)).status).toBe(200);
    expect((await api.as(account).get(`/v1/deliveries/${own?.id}/ern`)).status).toBe(200);
    expect((await api.as(account).get(`/v1/deliveries/${other?.id}`)).status).toBe(404);
    expect((await api.as(account).get(`/v1/deliveries/${other?.id}/ern`)).status).toBe(404);
    expect((await api.as(account).get(`/v1/partners/${theirs.id}`)).status).toBe(404);
    expect((await api.as(account).post(`/v1/deliveries/${own?.id}/retry`)).status).toBe(403);

    // Credentials are write-only for everyone, admins included.
    const views = [
      await api.as(admin).get('/v1/partners'),
      await api.as(admin).get(`/v1/partners/${mine.id}`),
      await api.as(account).get(`/v1/partners/${mine.id}`),
      await api.as(admin).get(`/v1/deliveries/${own?.id}`),
      await api.as(account).get(`/v1/deliveries/${own?.id}/ern`),
    ];
    for (const view of views) {
      expect(view.status).toBe(200);
      expect(view.text).not.toContain('partner-secret');
      expect(view.text).not.toContain(mine.callbackSecret);
    }
  });
});
