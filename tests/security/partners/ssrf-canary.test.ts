import { once } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Server as TcpServer } from 'node:net';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import { covers } from '../../contract/checklist.ts';
import { distributedRelease } from '../../factories/delivered-release.ts';
import { createPartner, partnerFactory, sftpTransport } from '../../factories/partners.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** A listener that must never hear from the API: it counts every connection made to it. */
interface Canary {
  port: number;
  connections: number;
}

async function listening<T extends TcpServer | Server>(server: T, host: string): Promise<T> {
  server.listen(0, host);
  await once(server, 'listening');
  return server;
}

async function startCanary(host: string, onClose: (close: () => void) => void): Promise<Canary> {
  const canary = { port: 0, connections: 0 };
  const server = await listening(
    createServer((socket) => {
      canary.connections += 1;
      socket.destroy();
    }),
    host,
  );
  canary.port = (server.address() as { port: number }).port;
  onClose(() => {
    server.close();
  });
  return canary;
}

/**
 * Loopback written every way a parser may read it (decimal, hex, octal, short IPv4; IPv6 loopback and the
 * IPv4-mapped forms), pointing at the canaries; and the other ranges API.md refuses in IPv6 and numeric forms.
 */
const loopbackForms = (v4: number, v6: number): Array<[host: string, port: number]> => [
  ['127.0.0.1', v4],
  ['2130706433', v4],
  ['0x7f000001', v4],
  ['0177.0.0.1', v4],
  ['0x7f.0.0.1', v4],
  ['127.1', v4],
  ['[::ffff:127.0.0.1]', v4],
  ['[::ffff:7f00:1]', v4],
  ['[0:0:0:0:0:ffff:127.0.0.1]', v4],
  ['[::1]', v6],
  ['[0:0:0:0:0:0:0:1]', v6],
];
const otherInternalForms = [
  '[fe80::1]', // link-local
  '[fc00::1]', // unique-local (fc00::/7)
  '[fd12:3456:789a::1]',
  '[::ffff:10.0.0.1]', // private, IPv4-mapped
  '[::ffff:169.254.169.254]', // metadata, IPv4-mapped
  '0xa9fea9fe', // 169.254.169.254 in hex
  '2852039166', // 169.254.169.254 in decimal
  '012.0.0.1', // 10.0.0.1 in octal
];

/** The three places a partner names a target: callback URL, S3 endpoint, SFTP host (all refused at save). */
const targetsAt = (host: string, port: number, sftp: SftpMock) => [
  // The transport of the callback case is the file's SFTP mock: only the callback URL is wrong.
  {
    field: 'callbackUrl',
    body: { transport: sftpTransport(sftp), callbackUrl: `https://${host}:${port}/ack` },
  },
  { field: 'transport.endpoint', body: { transport: s3At(`https://${host}:${port}`) } },
  {
    field: 'transport.host',
    body: {
      transport: { kind: 'sftp', host, port, username: 'u', password: 'p', root: '/' },
    },
  },
];
const s3At = (endpoint: string) => ({
  kind: 's3',
  endpoint,
  bucket: 'canary-bucket',
  prefix: 'in',
  accessKeyId: 'partner-key',
  secretAccessKey: 'partner-secret',
});

async function expectRefusedAndAbsent(
  api: ApiClient,
  admin: SignedInUser,
  sftp: SftpMock,
  host: string,
  port: number,
) {
  for (const { field, body } of targetsAt(host, port, sftp)) {
    const params = partnerFactory.build(body);
    const refused = await api.as(admin).post<{ id: string }>('/v1/partners', params);
    // API.md refuses an internal callbackUrl; for a transport it names the private-address rule but not
    // when it applies. So a transport saved anyway must still never connect (the canaries are counted by
    // the caller): test-connection is where it would.
    if (field !== 'callbackUrl' && refused.status === 201) {
      await api.as(admin).post(`/v1/partners/${refused.body.id}/test-connection`);
      continue;
    }
    // API.md promises the refusal, not which 4xx: a malformed value (400) or a business rule (422).
    await expectRefusal(api, refused, { status: [400, 422], field });
    const listed = await api.as(admin).get<{ items: Array<{ name: string }> }>('/v1/partners?limit=100');
    expect(
      listed.body.items.map((partner) => partner.name),
      `${host} in ${field}`,
    ).not.toContain(params.name);
  }
}

describe('SSRF: a canary on loopback never hears from the API', {
  tags: ['security', 'delivery', 'external_deps'],
  ...covers('security.ssrf-private-addresses'),
}, () => {
  test('partner targets in every loopback form (numeric IPv4, IPv6, IPv4-mapped) and other internal IPv6 forms are refused, and the canaries get no connection', async ({
    api,
    admin,
    sftp,
    onTestFinished,
  }) => {
    const v4 = await startCanary('127.0.0.1', onTestFinished);
    const v6 = await startCanary('::1', onTestFinished);
    for (const [host, port] of loopbackForms(v4.port, v6.port))
      await expectRefusedAndAbsent(api, admin, sftp, host, port);
    for (const host of otherInternalForms) await expectRefusedAndAbsent(api, admin, sftp, host, v4.port);
    expect({ v4: v4.connections, v6: v6.connections }).toEqual({ v4: 0, v6: 0 });
  });

  test('an allowed S3 endpoint that redirects (301, 302, 307, 308) to loopback is not followed: test-connection and a delivery never reach the canary', async ({
    api,
    admin,
    background,
    onTestFinished,
  }) => {
    const v4 = await startCanary('127.0.0.1', onTestFinished);
    const v6 = await startCanary('::1', onTestFinished);
    let redirected = 0;
    const statuses = [301, 302, 307, 308];
    const targets = [`http://127.0.0.1:${v4.port}`, `http://[::1]:${v6.port}`];
    // `localhost` is the allowlisted test host (OUTBOUND_ALLOWLIST): the endpoint itself is allowed.
    const redirector = await listening(
      createHttpServer((request, response) => {
        const [, status = '302', target = '0'] = /^\/(\d+)-(\d)/.exec(request.url ?? '') ?? [];
        redirected += 1;
        request.resume();
        response.writeHead(Number(status), { location: `${targets[Number(target)]}${request.url}` }).end();
      }),
      '127.0.0.1',
    );
    onTestFinished(() => {
      redirector.close();
    });
    const { port } = redirector.address() as { port: number };
    const partners = [];
    for (const status of statuses)
      for (const target of [0, 1]) {
        const transport = { ...s3At(`http://localhost:${port}`), bucket: `${status}-${target}` };
        const partner = await createPartner(api, admin, transport, {
          profile: 'release_by_release',
          callbackUrl: `https://localhost:${port}/${status}-${target}/ack`,
        });
        // API.md does not say how test-connection reports a failed connection (ours: 200 { ok: false }); a
        // crash is the only answer it rules out here.
        const check = await api.as(admin).post(`/v1/partners/${partner.id}/test-connection`);
        expect(check.status, check.text.slice(0, 200)).not.toBe(500);
        partners.push(partner);
      }
    await distributedRelease(api, admin, background, partners);
    expect({ v4: v4.connections, v6: v6.connections }).toEqual({ v4: 0, v6: 0 });
    // Each partner reached the redirector: the canary's silence is not a redirect never sent.
    expect(redirected).toBeGreaterThanOrEqual(partners.length);
  });
});
