import { signCallback } from '@soundcheck/api/deliveries/callback-signature.ts';
import { type DeliveryView, distributedRelease } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { describe, expect, test } from '../../utils/test.ts';

interface Delivery {
  id: string;
  state: string;
  attempts: number;
  lastError: string | null;
  messageId: string;
  messageThreadId: string;
}

function signed(secret: string, body: object) {
  const payload = Buffer.from(JSON.stringify(body));
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    payload,
    headers: {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-signature': signCallback(secret, timestamp, payload),
    },
  };
}

describe('delivery failures end in a clear state', {
  tags: ['e2e', 'delivery', 'external_deps', 'slow'],
}, () => {
  test('a rejection sends the release back with the partner’s reasons; retry redelivers in the same thread', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'reject-bucket', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release, deliveries } = await distributedRelease(api, admin, deps, [partner]);
    const [first] = deliveries as [DeliveryView];
    expect(first.state).toBe('uploaded');
    const ack = signed(partner.callbackSecret, {
      messageId: first.messageId,
      releaseStatus: 'ProcessingErrorAtReleaseDistributor',
      fileStatus: 'ResourceCorrupt',
      errorText: 'Track 1 audio cannot be decoded',
    });
    const answer = await api.request({ method: 'POST', path: `/v1/partner-callbacks/${partner.id}`, ...ack });
    expect(answer.status).toBe(202);
    const back = await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`);
    expect(back.body.state).toBe('changes_requested');
    const history = await api
      .as(owner)
      .get<{ items: Array<{ action: string; reasons?: unknown }> }>(`/v1/releases/${release.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'delivery_rejected',
      reasons: expect.arrayContaining([
        { rule: 'ResourceCorrupt', message: 'Track 1 audio cannot be decoded' },
      ]),
    });
    const retried = await api.as(admin).post<Delivery>(`/v1/deliveries/${first.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.messageId).not.toBe(first.messageId);
    expect(retried.body.messageThreadId).toBe(first.messageThreadId);
    expect((await api.as(owner).post(`/v1/deliveries/${first.id}/retry`)).status).toBe(403);
  });

  test('a partner that is down: backoff retries, then failed with the reason; cancel from failed', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(
      api,
      admin,
      { ...s3Transport(mocks.s3, 'down-bucket', 'in'), endpoint: 'http://localhost:9' },
      { profile: 'release_by_release' },
    );
    const { owner, deliveries } = await distributedRelease(api, admin, deps, [partner]);
    const [delivery] = deliveries as [DeliveryView];
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toBe(deps.config.deliveries.maxAttempts);
    expect(delivery.lastError).toMatch(/ECONNREFUSED|connect/);
    const detail = await api
      .as(owner)
      .get<{ events: Array<{ state: string }> }>(`/v1/deliveries/${delivery.id}`);
    expect(detail.body.events.filter((event) => event.state === 'queued')).toHaveLength(
      deps.config.deliveries.maxAttempts,
    );
    const cancelled = await api.as(admin).post<Delivery>(`/v1/deliveries/${delivery.id}/cancel`);
    expect(cancelled.body.state).toBe('cancelled');
  });
});
