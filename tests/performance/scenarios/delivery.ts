import { defineScenario, type IterationContext, type Scenario } from 'soundcheck/load/index.ts';
import type { S3Mock } from 'soundcheck/mocks/s3-mock.ts';
import type { SftpMock } from 'soundcheck/mocks/sftp-mock.ts';
import type { TimeToDelivered } from 'soundcheck/perf/history/time-to-delivered.ts';
import type { DeliveryView } from '../../factories/delivered-release.ts';
import { createPartner, type Partner, s3Transport, sftpTransport } from '../../factories/partners.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { postSignedCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { castOf, inBatches } from './cast.ts';

/** The partners' servers: the suite's SFTP and S3 mocks, which the target reaches on `localhost`. */
export interface PartnerServers {
  sftp: SftpMock;
  s3: S3Mock;
}

type Kind = 'sftp' | 's3';

interface DeliveryDesk {
  owner: SignedInUser;
  partners: Array<Partner & { kind: Kind }>;
  releaseIds: string[];
  next: { index: number };
}

/** How often the iteration asks the target how its deliveries are doing: the resolution of the figures. */
const POLL_MS = 50;
/** States after which the target's workers will not deliver: the iteration fails, naming it. */
const dead = new Set(['failed', 'rejected', 'cancelled']);
const sent = new Set(['uploaded', 'acknowledged', 'live']);

/**
 * Distribution to partners, end to end: each iteration distributes the next release approved in setup to an
 * SFTP partner (batch profile: BatchComplete last) and an S3 partner (release by release), polls the
 * target's deliveries until each is `uploaded` — the partner holds the whole package; the time from
 * distribute is that kind's time-to-delivered — acknowledges each upload as the partner would (a signed
 * callback), and polls the release until it is `delivered`, the `release` figure. Black-box the target's
 * own workers do the work; every wait is bounded (`SOUNDCHECK_DELIVERY_TIMEOUT_MS`, 45 s). The figures go
 * to `timings`, which the test owns.
 */
export function deliveryScenario(servers: PartnerServers, timings: TimeToDelivered): Scenario<DeliveryDesk> {
  return defineScenario<DeliveryDesk>({
    name: 'delivery',
    executor: { type: 'constant-arrival-rate', rate: 0.5, duration: '20s', maxVUs: 10 },
    async setup({ http, env }) {
      const { admin, manager, reviewer } = await castOf(http);
      const bucket = `dsp-${Date.now().toString(36)}`;
      const sftp = await createPartner(http, admin, sftpTransport(servers.sftp), { profile: 'batch' });
      const s3 = await createPartner(http, admin, s3Transport(servers.s3, bucket, 'incoming'), {
        profile: 'release_by_release',
      });
      // One approved release per iteration: SOUNDCHECK_DELIVERY_RELEASES should cover rate × duration.
      const releases = await inBatches(Number(env.SOUNDCHECK_DELIVERY_RELEASES ?? 12), 3, () =>
        WorkflowFactory.release(http, { owner: manager, reviewer }, 'approved'),
      );
      return {
        owner: manager,
        partners: [
          { ...sftp, kind: 'sftp' },
          { ...s3, kind: 's3' },
        ],
        releaseIds: releases.map((release) => release.id),
        next: { index: 0 },
      };
    },
    async iteration(ctx, desk) {
      const releaseId = desk.releaseIds[desk.next.index++];
      if (!releaseId)
        throw new Error(
          `all ${desk.releaseIds.length} approved releases were distributed; raise SOUNDCHECK_DELIVERY_RELEASES`,
        );
      const deadline = Date.now() + Number(ctx.env.SOUNDCHECK_DELIVERY_TIMEOUT_MS ?? 45_000);
      const owner = ctx.http.as(desk.owner);
      const start = performance.now();
      const distributed = await owner.post(`/v1/releases/${releaseId}/distribute`, {
        partnerIds: desk.partners.map((partner) => partner.id),
      });
      if (distributed.status !== 200) throw new Error(`distribute answered ${distributed.status}`);
      const uploaded = await untilUploaded(ctx, desk, releaseId, start, deadline, timings);
      for (const delivery of uploaded) {
        const partner = desk.partners.find((each) => each.id === delivery.partnerId) as Partner;
        const ack = await postSignedCallback(ctx.http, partner, ingested(delivery.messageId));
        if (ack.status !== 202) throw new Error(`the partner's acknowledgement answered ${ack.status}`);
      }
      for (;;) {
        const release = await owner.get<{ state: string }>(`/v1/releases/${releaseId}`);
        // `live` follows `delivered` on the release date: either means it was delivered.
        if (release.body.state === 'delivered' || release.body.state === 'live') break;
        if (Date.now() > deadline) throw new Error(`release still ${release.body.state} at the deadline`);
        await ctx.sleep(POLL_MS);
      }
      timings.add('release', performance.now() - start);
    },
    thresholds: { http_req_failed: ['rate<0.01'] },
    // An iteration waits for its partners by design: those started near the end are let finish.
    gracefulStop: '60s',
  });
}

/** Polls the release's deliveries until each partner's is uploaded, recording when each was first seen so. */
async function untilUploaded(
  ctx: IterationContext,
  desk: DeliveryDesk,
  releaseId: string,
  start: number,
  deadline: number,
  timings: TimeToDelivered,
): Promise<DeliveryView[]> {
  const seen = new Map<string, DeliveryView>();
  for (;;) {
    const list = await ctx.http
      .as(desk.owner)
      .get<{ items: DeliveryView[] }>(`/v1/deliveries?releaseId=${releaseId}`);
    if (list.status !== 200) throw new Error(`GET /v1/deliveries answered ${list.status}`);
    const at = performance.now();
    for (const delivery of list.body.items) {
      if (dead.has(delivery.state))
        throw new Error(`the delivery to a partner is ${delivery.state}: ${delivery.lastError ?? ''}`);
      if (!sent.has(delivery.state) || seen.has(delivery.partnerId)) continue;
      const partner = desk.partners.find((each) => each.id === delivery.partnerId);
      if (!partner) throw new Error(`a delivery to partner ${delivery.partnerId}, which was not asked for`);
      seen.set(delivery.partnerId, delivery);
      timings.add(partner.kind, at - start);
    }
    if (seen.size === desk.partners.length) return [...seen.values()];
    if (Date.now() > deadline)
      throw new Error(
        `deliveries not uploaded at the deadline: ${list.body.items.map((d) => `${d.state}${d.lastError ? ` (${d.lastError})` : ''}`).join(', ') || 'none'}`,
      );
    await ctx.sleep(POLL_MS);
  }
}
