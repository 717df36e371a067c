import type { DeliveryView as DeliveryViewSchema } from '@soundcheck/api/deliveries/views.ts';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { Static } from 'typebox';
import { type Background, eventually } from '../utils/background.ts';
import { postSignedCallback } from '../utils/contract/sign-callback.ts';
import { ingested } from '../utils/partner-callback.ts';
import { approvedReleaseWithAssets } from './deliverable-release.ts';
import { expectStatus } from './expect-status.ts';
import type { Partner } from './partners.ts';
import type { SignedInUser } from './signed-in.ts';

export type DeliveryView = Static<typeof DeliveryViewSchema>;

export const deliveriesOf = async (api: ApiClient, user: SignedInUser, releaseId: string) =>
  expectStatus(
    await api.as(user).get<{ items: DeliveryView[] }>(`/v1/deliveries?releaseId=${releaseId}`),
    200,
    'GET /v1/deliveries',
  ).items;

/** States a delivery leaves only through a partner, an admin or a timeout: the worker is done with it. */
const workerDone = new Set(['uploaded', 'acknowledged', 'live', 'rejected', 'failed', 'cancelled']);

/** The release's deliveries once the target's workers have finished with each (a bounded poll). */
export function settledDeliveries(
  api: ApiClient,
  background: Background,
  user: SignedInUser,
  releaseId: string,
  expected: number,
): Promise<DeliveryView[]> {
  return eventually(background, `${expected} deliveries of release ${releaseId} to settle`, async () => {
    const items = await deliveriesOf(api, user, releaseId);
    return items.length >= expected && items.every((item) => workerDone.has(item.state)) ? items : undefined;
  });
}

/** The release once its `state` is `state` (the target's workers and sweeps run meanwhile). */
export function releaseInState(
  api: ApiClient,
  background: Background,
  user: SignedInUser,
  releaseId: string,
  state: string,
) {
  return eventually(background, `release ${releaseId} to be ${state}`, async () => {
    const release = await api
      .as(user)
      .get<{ state: string; firstDeliveredAt?: string | null; tracks: Array<{ id: string }> }>(
        `/v1/releases/${releaseId}`,
      );
    return release.body.state === state ? release.body : undefined;
  });
}

/**
 * An approved release distributed to `partners` and the deliveries once the target's workers are done
 * with them (`uploaded`, or wherever the partners' scenarios left them).
 */
export async function distributedRelease(
  api: ApiClient,
  admin: SignedInUser,
  background: Background,
  partners: Partner[],
) {
  const { owner, release } = await approvedReleaseWithAssets(api, admin);
  expectStatus(
    await api
      .as(owner)
      .post(`/v1/releases/${release.id}/distribute`, { partnerIds: partners.map((p) => p.id) }),
    200,
    'distribute',
  );
  const deliveries = await settledDeliveries(api, background, owner, release.id, partners.length);
  return { owner, release, deliveries };
}

/** An approved release distributed to `partners`, uploaded and acknowledged by each: `delivered`. */
export async function deliveredRelease(
  api: ApiClient,
  admin: SignedInUser,
  background: Background,
  partners: Partner[],
) {
  const { owner, release, deliveries: sent } = await distributedRelease(api, admin, background, partners);
  for (const delivery of sent) {
    const partner = partners.find((each) => each.id === delivery.partnerId) as Partner;
    expectStatus(await postSignedCallback(api, partner, ingested(delivery.messageId)), 202, 'callback');
  }
  const now = await releaseInState(api, background, owner, release.id, 'delivered');
  return { owner, release: { ...release, ...now }, deliveries: sent };
}
