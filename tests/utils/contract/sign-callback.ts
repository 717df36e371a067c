import { createHmac } from 'node:crypto';
import type { ApiClient } from 'soundcheck/client/http-client.ts';

/**
 * A partner's signed acknowledgement exactly as API.md describes it — `x-signature: sha256=<hex HMAC-SHA256
 * of timestamp + "." + raw body>` keyed with the callbackSecret — written from the contract, not imported
 * from the API, so a signing bug in the target cannot agree with itself.
 */
export function signedCallback(secret: string, body: object | Buffer, at = Math.floor(Date.now() / 1000)) {
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  const timestamp = String(at);
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
  return {
    payload,
    headers: { 'content-type': 'application/json', 'x-timestamp': timestamp, 'x-signature': `sha256=${mac}` },
  };
}

export function postSignedCallback(
  api: ApiClient,
  partner: { id: string; callbackSecret: string },
  body: object,
  at?: number,
) {
  return api.request({
    method: 'POST',
    path: `/v1/partner-callbacks/${partner.id}`,
    ...signedCallback(partner.callbackSecret, body, at),
  });
}
