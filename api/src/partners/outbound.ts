import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';
import {
  type OutboundPolicy,
  OutboundRefusedError,
  vetOutboundHost,
  vetOutboundUrl,
} from '../security/outbound-guard.ts';
import type { StoredTransport } from './tables.ts';

export const outboundPolicy = (config: Pick<Config, 'outboundAllowlist'>): OutboundPolicy => ({
  allowlist: config.outboundAllowlist,
});

const refused = (field: string, error: OutboundRefusedError) =>
  new ApiError('BUSINESS_RULE_VIOLATED', `${field} is not an address the service may connect to`, {
    errors: [{ field, code: 'OUTBOUND_REFUSED', message: error.message }],
  });

async function vet(field: string, check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw refused(field, error);
    throw error;
  }
}

/**
 * At save: the callback URL must be https and public, the SFTP host or S3 endpoint public (the allowlist
 * admits test hosts). The same checks run again at every connection (see `openPartnerTransport`).
 */
export async function vetPartnerTargets(
  config: Pick<Config, 'outboundAllowlist'>,
  transport: StoredTransport | undefined,
  callbackUrl: string | null | undefined,
): Promise<void> {
  const policy = outboundPolicy(config);
  if (callbackUrl) await vet('callbackUrl', () => vetOutboundUrl(callbackUrl, policy));
  if (transport?.kind === 'sftp') await vet('transport.host', () => vetOutboundHost(transport.host, policy));
  if (transport?.kind === 's3' && transport.endpoint) {
    const endpoint = transport.endpoint;
    await vet('transport.endpoint', () => vetOutboundUrl(endpoint, policy));
  }
}
