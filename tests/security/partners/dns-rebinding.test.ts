import { once } from 'node:events';
import { createServer } from 'node:net';
import type { OutboundPolicy } from '@soundcheck/api/security/outbound-guard.ts';
import { vetOutboundHost, vetOutboundUrl } from '@soundcheck/api/security/outbound-guard.ts';
import { openS3Transport } from '@soundcheck/api/transports/s3-transport.ts';
import { describe, expect, test } from 'vitest';

/** A resolver whose answers change: the first call (the check) public, every later one (the use) `then`. */
function rebinding(then: string): OutboundPolicy['lookup'] {
  let calls = 0;
  return async () => {
    calls += 1;
    return [{ address: calls === 1 ? '93.184.215.14' : then, family: 4 }];
  };
}

// Unit tests of our transports with the guard (no target): the check at save and the connection are two DNS
// answers apart, and only the address the connection is made to counts.
describe('DNS rebinding between check and use: the S3 transport', {
  tags: ['security', 'delivery', 'implementation'],
}, () => {
  test('an endpoint that resolved public when checked and loopback when used is refused at connection, and the canary hears nothing', async ({
    onTestFinished,
  }) => {
    let connections = 0;
    const canary = createServer((socket) => {
      connections += 1;
      socket.destroy();
    }).listen(0, '127.0.0.1');
    await once(canary, 'listening');
    onTestFinished(() => {
      canary.close();
    });
    const { port } = canary.address() as { port: number };
    const endpoint = `http://bucket-host.test:${port}`;
    const settings = {
      endpoint,
      bucket: 'b',
      prefix: '',
      accessKeyId: 'k',
      secretAccessKey: 's',
      timeoutMs: 2000,
    };
    const open = (policy: OutboundPolicy) => openS3Transport(settings, policy);

    // Allowlisted, the same resolver's loopback answer is connected to: the lookup is on the connection's path.
    const allowed = { allowlist: ['bucket-host.test'], lookup: rebinding('127.0.0.1') };
    await vetOutboundUrl(endpoint, allowed);
    await expect(open(allowed).size('probe')).rejects.toThrow();
    expect(connections).toBeGreaterThan(0);

    connections = 0;
    const policy = { allowlist: [], lookup: rebinding('127.0.0.1') };
    // The check (at save, and again when the transport is opened) sees a public address; plain http needs an
    // allowlist entry, so it is the host's check here, as an https endpoint's would be.
    expect((await vetOutboundHost('bucket-host.test', policy)).address).toBe('93.184.215.14');
    await expect(open(policy).size('probe')).rejects.toThrow(/loopback|EOUTBOUNDREFUSED/);
    expect(connections).toBe(0);
  });
});
