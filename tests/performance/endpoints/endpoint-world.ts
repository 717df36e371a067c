import type { ApiClient } from 'soundcheck/client/http-client.ts';
import type { S3Mock } from 'soundcheck/mocks/s3-mock.ts';
import type { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import { createArtist } from '../../factories/artists.ts';
import type { DeliveryView } from '../../factories/delivered-release.ts';
import { expectStatus } from '../../factories/expect-status.ts';
import { createPartner, type Partner, s3Transport, sftpTransport } from '../../factories/partners.ts';
import type { Release } from '../../factories/releases.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';
import { type ReachableState, WorkflowFactory } from '../../factories/workflow.ts';
import { postSignedCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { castOf, inBatches } from '../scenarios/cast.ts';

/** What the recipes share, made once before anything is measured. */
export interface World {
  http: ApiClient;
  admin: SignedInUser;
  manager: SignedInUser;
  reviewer: SignedInUser;
  artistId: string;
  sftp: SftpMock;
  /** A release-by-release partner on the S3 mock: every preparation that delivers delivers there. */
  partner: Partner;
  /** How long a preparation waits for the target's workers (ms). */
  waitMs: number;
}

export async function makeWorld(
  http: ApiClient,
  mocks: { sftp: SftpMock; s3: S3Mock },
  waitMs: number,
): Promise<World> {
  const { admin, manager, reviewer } = await castOf(http);
  const artist = await createArtist(http, manager, { labelId: manager.labelId as string });
  const bucket = `budgets-${Date.now().toString(36)}`;
  const partner = await createPartner(http, admin, s3Transport(mocks.s3, bucket, 'incoming'), {
    profile: 'release_by_release',
  });
  return { http, admin, manager, reviewer, artistId: artist.id, sftp: mocks.sftp, partner, waitMs };
}

/** `n` releases of the manager brought to `state` the legal way (with assets when they pass submit). */
export const releasesIn = (world: World, n: number, state: ReachableState): Promise<Release[]> =>
  inBatches(n, 4, () =>
    WorkflowFactory.release(world.http, { owner: world.manager, reviewer: world.reviewer }, state),
  );

/** Polls `probe` every 100 ms until it gives a value, failing after the world's bound, naming `what`. */
async function until<T>(world: World, what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + world.waitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${world.waitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const deliveriesOf = async (world: World, releaseId: string) =>
  expectStatus(
    await world.http
      .as(world.manager)
      .get<{ items: DeliveryView[] }>(`/v1/deliveries?releaseId=${releaseId}`),
    200,
    'GET /v1/deliveries',
  ).items;

/** `n` approved releases distributed to the world's partner, each with its delivery once `uploaded`. */
export async function uploaded(
  world: World,
  n: number,
): Promise<Array<{ release: Release; delivery: DeliveryView }>> {
  const releases = await releasesIn(world, n, 'approved');
  for (const release of releases)
    expectStatus(
      await world.http
        .as(world.manager)
        .post(`/v1/releases/${release.id}/distribute`, { partnerIds: [world.partner.id] }),
      200,
      'distribute',
    );
  return Promise.all(
    releases.map(async (release) => ({
      release,
      delivery: await until(world, `release ${release.id} uploaded`, async () => {
        const [delivery] = await deliveriesOf(world, release.id);
        if (delivery && ['failed', 'rejected'].includes(delivery.state))
          throw new Error(`the delivery of ${release.id} is ${delivery.state}: ${delivery.lastError}`);
        return delivery?.state === 'uploaded' ? delivery : undefined;
      }),
    })),
  );
}

/** `n` releases acknowledged by the partner: `delivered`. */
export async function delivered(world: World, n: number): Promise<Release[]> {
  const sent = await uploaded(world, n);
  for (const { delivery } of sent)
    expectStatus(
      await postSignedCallback(world.http, world.partner, ingested(delivery.messageId)),
      202,
      'ACK',
    );
  return Promise.all(
    sent.map(({ release }) =>
      until(world, `release ${release.id} delivered`, async () => {
        const now = await world.http.as(world.manager).get<Release>(`/v1/releases/${release.id}`);
        return now.body.state === 'delivered' || now.body.state === 'live' ? release : undefined;
      }),
    ),
  );
}

/**
 * `n` deliveries that failed for good: one approved release distributed to `n` partners whose SFTP server
 * refuses connections. Only a target that gives up after few attempts (ours started with
 * DELIVERY_MAX_ATTEMPTS=1) gets there within the bound; the caller reports the operation unmeasured if not.
 */
export async function failedDeliveries(world: World, n: number): Promise<DeliveryView[]> {
  const closed = { ...sftpTransport(world.sftp), port: 1 };
  const partners = await inBatches(n, 4, () => createPartner(world.http, world.admin, closed));
  const [release] = await releasesIn(world, 1, 'approved');
  const id = (release as Release).id;
  expectStatus(
    await world.http
      .as(world.manager)
      .post(`/v1/releases/${id}/distribute`, { partnerIds: partners.map((partner) => partner.id) }),
    200,
    'distribute to closed partners',
  );
  return until(world, `${n} deliveries to fail`, async () => {
    const items = await deliveriesOf(world, id);
    return items.length === n && items.every((item) => item.state === 'failed') ? items : undefined;
  });
}
