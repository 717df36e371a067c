import type { LookupAddress } from 'node:dns';
import { classifyAddress } from '@soundcheck/api/security/ip-ranges.ts';
import {
  guardedLookup,
  type OutboundRefusedError,
  vetOutboundHost,
  vetOutboundUrl,
} from '@soundcheck/api/security/outbound-guard.ts';
import { describe, expect, test } from 'vitest';

const lookupOf =
  (...addresses: string[]) =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const publicLookup = lookupOf('93.184.215.14');
const refusal = (reason: OutboundRefusedError['reason'], message: string) => ({
  name: 'OutboundRefusedError',
  reason,
  message,
});

// Edges of the SSRF guard that `npm run mutation -- outbound-guard` found unguarded; each names the bug.
describe('outbound address guard: edges', { tags: ['security', 'delivery', 'implementation'] }, () => {
  test.each([
    ['100.100.100.200', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['192.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['192.88.99.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.51.100.1', 'reserved'],
    ['203.0.113.1', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['100::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80:0:0:0:0:0:0:1', 'link-local'],
    ['2606:4700:4700:0:0:0:0:1111', 'public'],
    ['FE80::1', 'link-local'],
    // Not reachable from the Internet (IANA special-purpose registry): a local NAT64 (RFC 8215) may translate
    // it to any IPv4 address, internal ones included; documentation (RFC 9637) and benchmarking (RFC 5180).
    ['64:ff9b:1::a00:1', 'reserved'],
    ['64:ff9b:1:ffff::7f00:1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['2001:2::1', 'reserved'],
  ])('%s is %s (each range names its own reason)', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });

  test.each([
    '9.255.255.255',
    '11.0.0.0',
    '11.0.0.1',
    '172.32.0.0',
    '172.32.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '64:ff9b:2::1',
    '3fff:1000::1',
    '2001:3::1',
  ])('%s, just past a refused range, is public (a range ends at its last address)', (address) => {
    expect(classifyAddress(address)).toBe('public');
  });

  test('only brackets around the whole address are removed: junk with a bracket inside is no address', () => {
    expect(classifyAddress('::]1')).toBeNull();
    expect(classifyAddress('1[27.0.0.1')).toBeNull();
  });

  test('the system resolver is used without an injected one, and every address it gives is vetted', async () => {
    await expect(vetOutboundHost('localhost', { allowlist: [] })).rejects.toMatchObject({
      reason: 'loopback',
    });
  });

  test('the host is trimmed, lower-cased and stripped of a final dot and of IPv6 brackets only', async () => {
    const policy = { allowlist: [], lookup: publicLookup };
    expect((await vetOutboundHost('  Partner.Example. ', policy)).host).toBe('partner.example');
    expect((await vetOutboundHost('ex]am[ple.test', policy)).host).toBe('ex]am[ple.test');
  });

  test('an empty host, no DNS answer, and an answer that is no address are refused with the reason', async () => {
    await expect(vetOutboundHost('  ', { allowlist: [], lookup: publicLookup })).rejects.toMatchObject(
      refusal('unresolvable', 'the host is empty'),
    );
    await expect(
      vetOutboundHost('empty.example', { allowlist: [], lookup: lookupOf() }),
    ).rejects.toMatchObject(refusal('unresolvable', 'empty.example does not resolve'));
    const failing = async (): Promise<LookupAddress[]> => {
      throw new Error('ENOTFOUND');
    };
    await expect(
      vetOutboundHost('nowhere.invalid', { allowlist: [], lookup: failing }),
    ).rejects.toMatchObject(refusal('unresolvable', 'nowhere.invalid does not resolve'));
    await expect(
      vetOutboundHost('odd.example', { allowlist: [], lookup: lookupOf('not-an-address') }),
    ).rejects.toMatchObject(
      refusal(
        'reserved',
        'odd.example resolves to a reserved address (not-an-address), which is not allowed',
      ),
    );
  });

  test('an allowlist entry allows its own host only', async () => {
    const policy = { allowlist: ['other.test'], lookup: lookupOf('127.0.0.1') };
    await expect(vetOutboundHost('partner.test', policy)).rejects.toMatchObject({ reason: 'loopback' });
    await expect(
      vetOutboundUrl('http://partner.example/ack', { ...policy, lookup: publicLookup }),
    ).rejects.toMatchObject(refusal('scheme', 'the URL must use https'));
  });

  test('an IPv6 target is vetted as family 6', async () => {
    expect(await vetOutboundHost('[2606:4700:4700::1111]', { allowlist: [] })).toEqual({
      host: '2606:4700:4700::1111',
      address: '2606:4700:4700::1111',
      family: 6,
    });
  });

  test('URL refusals say why: not a URL, not https (even allowlisted), any credential', async () => {
    const policy = { allowlist: ['127.0.0.1'], lookup: publicLookup };
    await expect(vetOutboundUrl('not a url', policy)).rejects.toMatchObject(
      refusal('scheme', 'the URL is not valid'),
    );
    await expect(vetOutboundUrl('ftp://127.0.0.1/ack', policy)).rejects.toMatchObject(
      refusal('scheme', 'the URL must use https'),
    );
    for (const url of ['https://user@partner.example/ack', 'https://:secret@partner.example/ack']) {
      await expect(vetOutboundUrl(url, policy)).rejects.toMatchObject(
        refusal('credentials', 'the URL must not contain credentials'),
      );
    }
  });

  test('guardedLookup answers as net.connect asks: a list for { all: true }, else one address', async () => {
    const lookup = guardedLookup({ allowlist: [], lookup: publicLookup });
    const ask = (options: { all?: boolean } | number | undefined) =>
      new Promise<unknown[]>((resolve) => lookup('partner.example', options, (...args) => resolve(args)));
    expect(await ask({ all: true })).toEqual([null, [{ address: '93.184.215.14', family: 4 }]]);
    expect(await ask({ all: false })).toEqual([null, '93.184.215.14', 4]);
    expect(await ask({})).toEqual([null, '93.184.215.14', 4]);
    expect(await ask(4)).toEqual([null, '93.184.215.14', 4]);
    expect(await ask(undefined)).toEqual([null, '93.184.215.14', 4]);
    const refused = guardedLookup({ allowlist: [], lookup: lookupOf('10.0.0.1') });
    const [error, address, family] = await new Promise<unknown[]>((resolve) =>
      refused('partner.example', undefined, (...args) => resolve(args)),
    );
    expect(error).toMatchObject({
      name: 'OutboundRefusedError',
      code: 'EOUTBOUNDREFUSED',
      reason: 'private',
    });
    expect([address, family]).toEqual(['', 0]);
  });
});
