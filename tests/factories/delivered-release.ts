import type { Deps } from '@soundcheck/api/deps.ts';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { ingested, postCallback } from '../utils/partner-callback.ts';
import { approvedReleaseWithAssets } from './deliverable-release.ts';
import { expectStatus } from './expect-status.ts';
import type { Partner } from './partners.ts';
import type { SignedInUser } from './signed-in.ts';

export interface DeliveryView {
  id: string;
  releaseId: string;
  partnerId: string;
  kind: string;
  state: string;
  attempts: number;
  lastError: string | null;
  messageId: string;
  messageThreadId: string;
}

export const deliveriesOf = async (api: ApiClient, user: SignedInUser, releaseId: string) =>
  expectStatus(
    await api.as(user).get<{ items: DeliveryView[] }>(`/v1/deliveries?releaseId=${releaseId}`),
    200,
    'GET /v1/deliveries',
  ).items;

/**
 * An approved release distributed to `partners` and the deliveries once the app's queue has run them
 * (`uploaded`, or wherever the partners' scenarios left them).
 */
export async function distributedRelease(
  api: ApiClient,
  admin: SignedInUser,
  deps: Deps,
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
  await deps.queue.drain();
  return { owner, release, deliveries: await deliveriesOf(api, owner, release.id) };
}

/** An approved release distributed to `partners`, uploaded and acknowledged by each: `delivered`. */
export async function deliveredRelease(api: ApiClient, admin: SignedInUser, deps: Deps, partners: Partner[]) {
  const { owner, release, deliveries: sent } = await distributedRelease(api, admin, deps, partners);
  for (const delivery of sent) {
    const partner = partners.find((each) => each.id === delivery.partnerId) as Partner;
    expectStatus(await postCallback(api, partner, ingested(delivery.messageId)), 202, 'callback');
  }
  const now = expectStatus(
    await api.as(owner).get<{ state: string; tracks: Array<{ id: string }> }>(`/v1/releases/${release.id}`),
    200,
    'GET release',
  );
  if (now.state !== 'delivered') throw new Error(`release is ${now.state}, not delivered`);
  return { owner, release: { ...release, ...now }, deliveries: sent };
}
