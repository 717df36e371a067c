import { covers } from '../../contract/checklist.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { signedCallback } from '../../utils/contract/sign-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

const ack = (messageId: string) => ({
  messageId,
  releaseStatus: 'SuccessfullyIngestedByReleaseDistributor',
  fileStatus: 'FileOK',
});

describe('partner callbacks over HTTP: only a fresh signature by the partner’s secret gets in', {
  tags: ['security', 'delivery'],
  ...covers(
    'callbacks.401-signature',
    'callbacks.404-partner',
    'partners.rotate-callback-secret.200',
    'security.callback-signature',
  ),
}, () => {
  test('bad, missing, stale, future or replayed signatures are 401; an unknown partner is 404', async ({
    api,
    admin,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'cb-http', 'in'), {
      profile: 'release_by_release',
    });
    const send = (headers: Record<string, string>, payload: Buffer, partnerId = partner.id) =>
      api.request({ method: 'POST', path: `/v1/partner-callbacks/${partnerId}`, headers, payload });
    const body = ack(crypto.randomUUID());
    const now = Math.floor(Date.now() / 1000);
    const good = signedCallback(partner.callbackSecret, body, now);
    const foreign = signedCallback('f'.repeat(64), body, now);
    const stale = signedCallback(partner.callbackSecret, body, now - 600);
    const future = signedCallback(partner.callbackSecret, body, now + 600);
    const { 'x-signature': _signature, ...unsigned } = good.headers;
    const tampered = Buffer.from(JSON.stringify({ ...body, fileStatus: 'ResourceCorrupt' }));
    const refusals = {
      'another secret': await send(foreign.headers, foreign.payload),
      'a body changed after signing': await send(good.headers, tampered),
      'no signature': await send(unsigned, good.payload),
      'ten minutes old': await send(stale.headers, stale.payload),
      'ten minutes ahead': await send(future.headers, future.payload),
    };
    for (const [what, answer] of Object.entries(refusals))
      expect({ what, status: answer.status }).toEqual({ what, status: 401 });
    // The genuine one is judged on its content (its message id is unknown), not refused as unsigned.
    expect((await send(good.headers, good.payload)).status).not.toBe(401);
    expect((await send(good.headers, good.payload)).status).toBe(401);
    const elsewhere = signedCallback(partner.callbackSecret, body);
    expect((await send(elsewhere.headers, elsewhere.payload, crypto.randomUUID())).status).toBe(404);
  });

  test('rotating the callback secret: the new one signs, the old one no longer does', async ({
    api,
    admin,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'cb-rotate', 'in'), {
      profile: 'release_by_release',
    });
    const rotated = await api
      .as(admin)
      .post<{ callbackSecret: string }>(`/v1/partners/${partner.id}/rotate-callback-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.callbackSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.callbackSecret).not.toBe(partner.callbackSecret);
    const send = (secret: string) =>
      api.request({
        method: 'POST',
        path: `/v1/partner-callbacks/${partner.id}`,
        ...signedCallback(secret, ack(crypto.randomUUID())),
      });
    expect((await send(rotated.body.callbackSecret)).status).not.toBe(401);
    expect((await send('0'.repeat(64))).status).toBe(401);
  });
});
