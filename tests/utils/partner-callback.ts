import { signCallback } from '@soundcheck/api/deliveries/callback-signature.ts';
import type { ApiClient } from 'soundcheck/client/http-client.ts';

/** Posts a partner's acknowledgement to the signed callback, as the partner does (HMAC over the raw body). */
export function postCallback(
  api: ApiClient,
  partner: { id: string; callbackSecret: string },
  body: object,
  /** Seconds since the epoch; another second makes another signature (the replay guard refuses a repeat). */
  at = Math.floor(Date.now() / 1000),
) {
  const payload = Buffer.from(JSON.stringify(body));
  const timestamp = String(at);
  return api.request({
    method: 'POST',
    path: `/v1/partner-callbacks/${partner.id}`,
    payload,
    headers: {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': signCallback(partner.callbackSecret, timestamp, payload),
    },
  });
}

export const ingested = (messageId: string) => ({
  messageId,
  releaseStatus: 'SuccessfullyIngestedByReleaseDistributor',
  fileStatus: 'FileOK',
});
