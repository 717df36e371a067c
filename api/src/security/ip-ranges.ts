import { isIPv4, isIPv6 } from 'node:net';

/** Why an address may not be the target of an outbound connection; `public` may be. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

type Range4 = [cidr: string, cls: Exclude<AddressClass, 'public'>];

// Order matters: the first match wins, so metadata addresses come before the ranges that contain them.
const v4Ranges: Range4[] = [
  ['169.254.169.254/32', 'metadata'], // AWS, GCP, Azure, OpenStack
  ['100.100.100.200/32', 'metadata'], // Alibaba Cloud
  ['192.0.0.192/32', 'metadata'], // Oracle Cloud
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

function v4ToNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

const v4Table = v4Ranges.map(([cidr, cls]) => {
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const start = v4ToNumber(base);
  return { start, end: start + size - 1, cls };
});

function classifyV4(ip: string): AddressClass {
  const n = v4ToNumber(ip);
  return v4Table.find((range) => n >= range.start && n <= range.end)?.cls ?? 'public';
}

/** The 128-bit value of an IPv6 address (with `::` and an embedded dotted quad expanded). */
function v6ToBigInt(ip: string): bigint {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4ToNumber(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, null];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === null ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].reduce(
    (n, group) => (n << 16n) | BigInt(`0x${group || '0'}`),
    0n,
  );
}

const inV6 = (value: bigint, prefix: string, bits: number) =>
  value >> BigInt(128 - bits) === v6ToBigInt(prefix) >> BigInt(128 - bits);

const v4FromBits = (value: bigint) =>
  [24n, 16n, 8n, 0n].map((shift) => Number((value >> shift) & 0xffn)).join('.');

// Not reachable from the Internet (IANA's special-purpose registry): documentation (2001:db8::/32 and
// RFC 9637's 3fff::/20), discard, Teredo, benchmarking, and the local-use NAT64 prefix (RFC 8215), which a
// local translator may map to any IPv4 address, internal ones included.
const reservedV6: Array<[prefix: string, bits: number]> = [
  ['2001:db8::', 32],
  ['3fff::', 20],
  ['100::', 64],
  ['2001::', 32],
  ['2001:2::', 48],
  ['64:ff9b:1::', 48],
];

function classifyV6(ip: string): AddressClass {
  const value = v6ToBigInt(ip);
  if (value === 0n) return 'unspecified';
  if (value === 1n) return 'loopback';
  // IPv4 inside IPv6 — mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) — is judged
  // by the IPv4 address it reaches, so ::ffff:127.0.0.1 is loopback like 127.0.0.1.
  if (inV6(value, '::ffff:0:0', 96) || inV6(value, '64:ff9b::', 96))
    return classifyV4(v4FromBits(value & 0xffffffffn));
  if (inV6(value, '2002::', 16)) return classifyV4(v4FromBits((value >> 80n) & 0xffffffffn));
  if (value === v6ToBigInt('fd00:ec2::254')) return 'metadata'; // AWS over IPv6
  if (inV6(value, '::', 96)) return 'reserved'; // deprecated IPv4-compatible addresses
  if (inV6(value, 'fc00::', 7)) return 'private';
  if (inV6(value, 'fe80::', 10)) return 'link-local';
  if (inV6(value, 'ff00::', 8)) return 'multicast';
  if (reservedV6.some(([prefix, bits]) => inV6(value, prefix, bits))) return 'reserved';
  return 'public';
}

/**
 * The class of an IP address literal (IPv4 or IPv6, an IPv6 zone id ignored), or null when the text is not
 * an IP address. Only `public` addresses may be connected to without an allowlist entry.
 */
export function classifyAddress(address: string): AddressClass | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return classifyV4(ip);
  if (isIPv6(ip)) return classifyV6(ip.toLowerCase());
  return null;
}
