import { covers } from '../../contract/checklist.ts';
import { type DeliveryView, distributedRelease, releaseInState } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { postSignedCallback } from '../../utils/contract/sign-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('delivery failures end in a clear state', {
  tags: ['e2e', 'delivery', 'external_deps', 'slow'],
  ...covers(
    'delivery.ack_error',
    'workflow.delivery_rejected.system',
    'delivery.redeliver',
    'deliveries.retry.200',
    'deliveries.retry.403',
    'delivery.transport_error',
    'delivery.transport_error_final',
    'delivery.cancel',
    'deliveries.cancel.200',
  ),
}, () => {
  test('a rejection sends the release back with the partner’s reasons; retry redelivers in the same thread', async ({
    api,
    admin,
    background,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'reject-bucket', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release, deliveries } = await distributedRelease(api, admin, background, [partner]);
    const [first] = deliveries as [DeliveryView];
    expect(first.state).toBe('uploaded');
    const answer = await postSignedCallback(api, partner, {
      messageId: first.messageId,
      releaseStatus: 'ProcessingErrorAtReleaseDistributor',
      fileStatus: 'ResourceCorrupt',
      errorText: 'Track 1 audio cannot be decoded',
    });
    expect(answer.status).toBe(202);
    await releaseInState(api, background, owner, release.id, 'changes_requested');
    const history = await api
      .as(owner)
      .get<{ items: Array<{ to: string; reasons?: Array<{ rule: string; message: string }> }> }>(
        `/v1/releases/${release.id}/history`,
      );
    // The partner's reasons travel with the transition (API.md: "with the partner's reasons").
    const rejected = history.body.items.at(-1);
    expect(rejected?.to).toBe('changes_requested');
    expect(JSON.stringify(rejected?.reasons)).toContain('Track 1 audio cannot be decoded');
    expect((await api.as(owner).post(`/v1/deliveries/${first.id}/retry`)).status).toBe(403);
    const retried = await api.as(admin).post<DeliveryView>(`/v1/deliveries/${first.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.messageId).not.toBe(first.messageId);
    expect(retried.body.messageThreadId).toBe(first.messageThreadId);
  });

  test('a partner that is down: backoff retries, then failed with the reason; cancel from failed', async ({
    api,
    admin,
    background,
    mocks,
  }) => {
    const partner = await createPartner(
      api,
      admin,
      { ...s3Transport(mocks.s3, 'down-bucket', 'in'), endpoint: 'http://localhost:9' },
      { profile: 'release_by_release' },
    );
    const { owner, deliveries } = await distributedRelease(api, admin, background, [partner]);
    const [delivery] = deliveries as [DeliveryView];
    // The maximum of attempts is the target's configuration: at least one, each one a return to `queued`.
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toBeGreaterThanOrEqual(1);
    expect(delivery.lastError).toEqual(expect.any(String));
    const detail = await api.as(owner).get<DeliveryView>(`/v1/deliveries/${delivery.id}`);
    const states = detail.body.events?.map((event) => event.state) ?? [];
    expect(states.filter((state) => state === 'queued')).toHaveLength(delivery.attempts);
    expect(states.at(-1)).toBe('failed');
    expect((await api.as(owner).post(`/v1/deliveries/${delivery.id}/cancel`)).status).toBe(403);
    const cancelled = await api.as(admin).post<DeliveryView>(`/v1/deliveries/${delivery.id}/cancel`);
    expect(cancelled.body.state).toBe('cancelled');
  });
});
