import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressClass, classifyAddress } from './ip-ranges.ts';

/** Why an outbound target was refused; `message` is safe to show to the admin who configured it. */
export class OutboundRefusedError extends Error {
  override name = 'OutboundRefusedError';
  readonly reason: Exclude<AddressClass, 'public'> | 'unresolvable' | 'scheme' | 'credentials';

  constructor(reason: OutboundRefusedError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface VettedTarget {
  host: string;
  /** The address to connect to — the one that was checked, so a second DNS answer cannot swap it. */
  address: string;
  family: 4 | 6;
}

export interface OutboundPolicy {
  /** Hosts (names or IP literals) allowed despite resolving to non-public addresses (`OUTBOUND_ALLOWLIST`). */
  allowlist: readonly string[];
  /** DNS resolution; injectable so tests can play a rebinding resolver. */
  lookup?: (host: string) => Promise<LookupAddress[]>;
}

const systemLookup = (host: string) => dnsLookup(host, { all: true, verbatim: true });

const normalizeHost = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');

/**
 * Resolves `host` and returns the address to connect to, refusing loopback, private, link-local, CGNAT,
 * metadata, unspecified, multicast and reserved addresses (IPv4-mapped and NAT64 forms included) unless
 * the host is allowlisted. Every resolved address must be public — one private record among public ones is
 * enough to refuse, since the client might pick it. Use it when a partner is saved and again right before
 * each connection, and connect to the returned `address`.
 */
export async function vetOutboundHost(host: string, policy: OutboundPolicy): Promise<VettedTarget> {
  const name = normalizeHost(host);
  if (name === '') throw new OutboundRefusedError('unresolvable', 'the host is empty');
  const allowed = policy.allowlist.some((entry) => normalizeHost(entry) === name);
  let addresses: LookupAddress[];
  if (isIP(name)) {
    addresses = [{ address: name, family: isIP(name) }];
  } else {
    try {
      addresses = await (policy.lookup ?? systemLookup)(name);
    } catch {
      throw new OutboundRefusedError('unresolvable', `${name} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new OutboundRefusedError('unresolvable', `${name} does not resolve`);
  if (!allowed) {
    for (const { address } of addresses) {
      const cls = classifyAddress(address) ?? 'reserved';
      if (cls !== 'public') {
        throw new OutboundRefusedError(
          cls,
          `${name} resolves to a ${cls} address (${address}), which is not allowed`,
        );
      }
    }
  }
  const [first] = addresses as [LookupAddress];
  return { host: name, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * Checks a callback URL (API.md, Partners): `https` only — plain `http` only for allowlisted test hosts —,
 * no credentials in the URL, and a host that passes `vetOutboundHost`.
 */
export async function vetOutboundUrl(
  url: string,
  policy: OutboundPolicy,
): Promise<VettedTarget & { url: URL }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundRefusedError('scheme', 'the URL is not valid');
  }
  const host = normalizeHost(parsed.hostname);
  const allowlisted = policy.allowlist.some((entry) => normalizeHost(entry) === host);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && allowlisted)) {
    throw new OutboundRefusedError('scheme', 'the URL must use https');
  }
  if (parsed.username || parsed.password) {
    throw new OutboundRefusedError('credentials', 'the URL must not contain credentials');
  }
  return { ...(await vetOutboundHost(host, policy)), url: parsed };
}

/**
 * A `lookup` for `net.connect`/`tls.connect` (and undici's `connect.lookup`, ssh2's socket) that runs every
 * connection through `vetOutboundHost`: the check happens at connection time, on the address actually used.
 */
export function guardedLookup(policy: OutboundPolicy) {
  return (
    hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    vetOutboundHost(hostname, policy).then(
      ({ address, family }) => {
        if (typeof options === 'object' && options?.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      },
      (error: Error) => callback(Object.assign(error, { code: 'EOUTBOUNDREFUSED' }), '', 0),
    );
  };
}
