import { distributedRelease } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { ingested, postCallback } from '../../utils/partner-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

interface Delivery {
  id: string;
  state: string;
  attempts: number;
  lastError: string | null;
  messageId: string;
  events: Array<{ state: string; detail: string }>;
}

describe('a partner that is down, then up', { tags: ['e2e', 'delivery', 'external_deps', 'slow'] }, () => {
  test('the delivery backs off while the partner drops connections, then uploads and the release is delivered', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'updown-bucket', 'in'), {
      profile: 'release_by_release',
    });
    // Down: the first two connections are cut without an answer. Then up.
    mocks.s3.scenario('/updown-bucket/', { dropConnection: true, times: 2 });
    const {
      owner,
      release,
      deliveries: [listed],
    } = await distributedRelease(api, admin, deps, [partner]);
    const delivery = (await api.as(owner).get<Delivery>(`/v1/deliveries/${listed!.id}`)).body;
    expect(delivery).toMatchObject({ state: 'uploaded', attempts: 2 });
    expect(delivery.lastError).toMatch(/socket hang up|ECONNRESET|aborted/i);
    expect(delivery.events.map((event) => event.state)).toEqual([
      'queued',
      'packaging',
      'uploading',
      'queued',
      'packaging',
      'uploading',
      'queued',
      'packaging',
      'uploading',
      'uploaded',
    ]);
    expect(
      delivery.events.filter((event) => /^transport error \(attempt \d\)/.test(event.detail)),
    ).toHaveLength(2);
    expect((await postCallback(api, partner, ingested(delivery.messageId))).status).toBe(202);
    expect((await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
      'delivered',
    );
  });
});
