import { once } from 'node:events';
import { BlockList, connect, createServer } from 'node:net';
import { fc, test } from '@fast-check/vitest';
import { classifyAddress } from '@soundcheck/api/security/ip-ranges.ts';
import {
  guardedLookup,
  OutboundRefusedError,
  vetOutboundHost,
  vetOutboundUrl,
} from '@soundcheck/api/security/outbound-guard.ts';
import { describe, expect } from 'vitest';

// An independent oracle: Node's BlockList loaded with every range the guard must refuse.
const refusedV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
const oracle = new BlockList();
for (const cidr of refusedV4) {
  const [base, bits] = cidr.split('/') as [string, string];
  oracle.addSubnet(base, Number(bits), 'ipv4');
}

const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.'));
const inSubnet = (base: string, bits: number) =>
  fc.nat(2 ** (32 - bits) - 1).map((offset) => {
    const start = base.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    const n = start + offset;
    return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
  });
const lookupOf =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

// Unit tests of our own guard module: they exercise no target. The contract's SSRF promises are checked over
// HTTP in partner-targets-and-visibility.test.ts.
describe('outbound address guard (SSRF)', { tags: ['security', 'delivery', 'implementation'] }, () => {
  test.prop([v4])('an IPv4 address is refused exactly when it lies in a forbidden range', (ip) => {
    expect(classifyAddress(ip) !== 'public').toBe(oracle.check(ip, 'ipv4'));
  });

  test.prop([v4])('its IPv4-mapped, NAT64 and 6to4 IPv6 forms are judged like the IPv4 address', (ip) => {
    const [a, b, c, d] = ip.split('.').map(Number) as [number, number, number, number];
    const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    const expected = classifyAddress(ip);
    expect(
      [`::ffff:${ip}`, `::ffff:${hex}`, `64:ff9b::${ip}`, `2002:${hex}::1`].map(classifyAddress),
    ).toEqual([expected, expected, expected, expected]);
  });

  test.prop([
    fc.oneof(
      inSubnet('10.0.0.0', 8).map((ip) => [ip, 'private']),
      inSubnet('172.16.0.0', 12).map((ip) => [ip, 'private']),
      inSubnet('192.168.0.0', 16).map((ip) => [ip, 'private']),
      inSubnet('127.0.0.0', 8).map((ip) => [ip, 'loopback']),
      inSubnet('100.64.0.0', 10).map((ip) => [ip, 'cgnat']),
      inSubnet('169.254.0.0', 16)
        .filter((ip) => ip !== '169.254.169.254')
        .map((ip) => [ip, 'link-local']),
    ),
  ])('each range has its own reason', ([ip, cls]) => {
    expect(classifyAddress(ip!)).toBe(cls);
  });

  test.each([
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fc00::1', 'private'],
    ['fdff:ffff::1', 'private'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::127.0.0.1', 'reserved'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['fec0::1', 'public'],
    ['not-an-ip', null],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  test.each([
    ['127.0.0.1', 'loopback'],
    ['localhost', 'loopback'],
    ['metadata.internal', 'metadata'],
  ])('%s is refused with the reason', async (host, reason) => {
    const lookup = host === 'metadata.internal' ? lookupOf('169.254.169.254') : lookupOf('127.0.0.1', '::1');
    await expect(vetOutboundHost(host, { allowlist: [], lookup })).rejects.toMatchObject({
      name: 'OutboundRefusedError',
      reason,
    });
  });

  test('one private record among public ones is enough to refuse', async () => {
    const lookup = lookupOf('93.184.215.14', '10.0.0.5');
    await expect(vetOutboundHost('partner.example', { allowlist: [], lookup })).rejects.toThrow(
      new OutboundRefusedError(
        'private',
        'partner.example resolves to a private address (10.0.0.5), which is not allowed',
      ),
    );
  });

  test('an allowlisted test host may be local, and the vetted address is what to connect to', async () => {
    const policy = { allowlist: ['SFTP.Partner.Test'], lookup: lookupOf('127.0.0.1') };
    expect(await vetOutboundHost('sftp.partner.test.', policy)).toEqual({
      host: 'sftp.partner.test',
      address: '127.0.0.1',
      family: 4,
    });
  });

  test('a host that does not resolve is refused, not passed through', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(vetOutboundHost('nowhere.invalid', { allowlist: [], lookup })).rejects.toMatchObject({
      reason: 'unresolvable',
    });
  });

  test.each([
    ['http://partner.example/ack', 'scheme'],
    ['ftp://partner.example/ack', 'scheme'],
    ['https://user:pass@partner.example/ack', 'credentials'],
    ['https://127.0.0.1/ack', 'loopback'],
    ['https://[::ffff:7f00:1]/ack', 'loopback'],
    ['https://169.254.169.254/latest/meta-data', 'metadata'],
    ['https://2130706433/ack', 'loopback'],
    ['not a url', 'scheme'],
  ])('callback URL %s is refused (%s)', async (url, reason) => {
    await expect(
      vetOutboundUrl(url, { allowlist: [], lookup: lookupOf('93.184.215.14') }),
    ).rejects.toMatchObject({
      reason,
    });
  });

  test('a public https callback URL passes; plain http only for an allowlisted test host', async () => {
    const lookup = lookupOf('93.184.215.14');
    await expect(
      vetOutboundUrl('https://partner.example/ack', { allowlist: [], lookup }),
    ).resolves.toMatchObject({
      address: '93.184.215.14',
    });
    await expect(
      vetOutboundUrl('http://127.0.0.1:9999/ack', { allowlist: ['127.0.0.1'], lookup }),
    ).resolves.toMatchObject({ address: '127.0.0.1' });
  });

  test('DNS rebinding: a host vetted at save time is checked again at connection time', async () => {
    const answers = ['93.184.215.14', '127.0.0.1'];
    const lookup = async () => [{ address: answers.shift()!, family: 4 }];
    const policy = { allowlist: [], lookup };
    expect((await vetOutboundHost('rebind.example', policy)).address).toBe('93.184.215.14');
    await expect(vetOutboundHost('rebind.example', policy)).rejects.toMatchObject({ reason: 'loopback' });
  });

  test('a real connection through guardedLookup is refused to a local server unless its host is allowlisted', async () => {
    const server = createServer((socket) => socket.end('hello'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    const attempt = (allowlist: string[]) =>
      new Promise<string>((resolve) => {
        const socket = connect({
          host: 'partner.test',
          port,
          lookup: guardedLookup({ allowlist, lookup: lookupOf('127.0.0.1') }),
        });
        socket.on('data', (data) => resolve(`connected: ${data}`));
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(`refused: ${error.code}`));
      });
    try {
      expect(await attempt([])).toBe('refused: EOUTBOUNDREFUSED');
      expect(await attempt(['partner.test'])).toBe('connected: hello');
    } finally {
      server.close();
    }
  });
});
