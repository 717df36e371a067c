import { covers } from '../../contract/checklist.ts';
import { type DeliveryView, distributedRelease, releaseInState } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { postSignedCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('a partner that is down, then up', {
  tags: ['e2e', 'delivery', 'external_deps', 'slow'],
  ...covers('delivery.transport_error'),
}, () => {
  test('the delivery backs off while the partner drops connections, then uploads and the release is delivered', async ({
    api,
    admin,
    background,
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
    } = await distributedRelease(api, admin, background, [partner]);
    const delivery = (await api.as(owner).get<DeliveryView>(`/v1/deliveries/${listed?.id}`)).body;
    expect(delivery).toMatchObject({ state: 'uploaded', attempts: 2 });
    expect(delivery.lastError).toEqual(expect.any(String));
    // The delivery state machine: each transport error goes back to `queued`, each retry through packaging.
    expect(delivery.events?.map((event) => event.state)).toEqual([
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
    expect([...mocks.s3.objects.keys()].some((key) => key.startsWith('updown-bucket/in/'))).toBe(true);
    expect((await postSignedCallback(api, partner, ingested(delivery.messageId))).status).toBe(202);
    await releaseInState(api, background, owner, release.id, 'delivered');
  });
});
