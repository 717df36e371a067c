import type { Config } from '../config.ts';
import { OutboundRefusedError, vetOutboundHost, vetOutboundUrl } from '../security/outbound-guard.ts';
import { openS3Transport } from '../transports/s3-transport.ts';
import { openSftpTransport } from '../transports/sftp-transport.ts';
import { type Transport, TransportError } from '../transports/transport.ts';
import { partnerSecrets } from './credentials.ts';
import { outboundPolicy } from './outbound.ts';
import type { PartnerRow } from './tables.ts';

/**
 * Connects to a partner with its decrypted credentials. The host is vetted again here, at connection time,
 * not only when the partner was saved: DNS that now points somewhere private is refused.
 */
export async function openPartnerTransport(
  config: Pick<Config, 'secretsKey' | 'outboundAllowlist' | 'deliveries'>,
  partner: Pick<PartnerRow, 'id' | 'transport' | 'credentials'>,
): Promise<Transport> {
  const policy = outboundPolicy(config);
  const secrets = partnerSecrets(config);
  const { transport } = partner;
  const timeoutMs = config.deliveries.transportTimeoutMs;
  try {
    if (transport.kind === 'sftp') {
      const target = await vetOutboundHost(transport.host, policy);
      const password = secrets.open(partner, 'password');
      const privateKey = secrets.open(partner, 'privateKey');
      return await openSftpTransport(target, {
        port: transport.port,
        username: transport.username,
        root: transport.root,
        timeoutMs,
        ...(password ? { password } : {}),
        ...(privateKey ? { privateKey } : {}),
      });
    }
    if (transport.endpoint) await vetOutboundUrl(transport.endpoint, policy);
    return openS3Transport(
      {
        endpoint: transport.endpoint,
        bucket: transport.bucket,
        prefix: transport.prefix,
        accessKeyId: transport.accessKeyId,
        secretAccessKey: secrets.open(partner, 'secretAccessKey') ?? '',
        timeoutMs,
      },
      policy,
    );
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw new TransportError(`refused: ${error.message}`);
    throw error;
  }
}
