import { covers } from '../../contract/checklist.ts';
import { approvedReleaseWithAssets } from '../../factories/deliverable-release.ts';
import {
  type DeliveryView,
  deliveredRelease,
  deliveriesOf,
  distributedRelease,
  releaseInState,
  settledDeliveries,
} from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { eventually } from '../../utils/background.ts';
import { postSignedCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

// The admin's share of the release machine (distribute, revise, takedown: label_manager *and* admin in
// state_machines.json), a partner reporting the release live, and an admin retry of a failed delivery.
describe('an admin drives deliveries; a partner reports the release live', {
  tags: ['e2e', 'delivery', 'workflow', 'external_deps', 'slow'],
  ...covers(
    'workflow.enqueue_deliveries.admin',
    'workflow.revise.admin',
    'workflow.request_takedown.admin',
    'delivery.partner_reports_live',
    'delivery.ack_success',
    'delivery.retry',
  ),
}, () => {
  test('an admin distributes; the partner acknowledges, then reports the release available; the admin revises', async ({
    api,
    admin,
    background,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'admin-live', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await approvedReleaseWithAssets(api, admin);
    const distributed = await api
      .as(admin)
      .post<{ state: string }>(`/v1/releases/${release.id}/distribute`, { partnerIds: [partner.id] });
    expect({ status: distributed.status, state: distributed.body.state }).toEqual({
      status: 200,
      state: 'distributing',
    });
    const [sent] = (await settledDeliveries(api, background, owner, release.id, 1)) as [DeliveryView];
    expect(sent.state).toBe('uploaded');

    expect((await postSignedCallback(api, partner, ingested(sent.messageId))).status).toBe(202);
    await releaseInState(api, background, owner, release.id, 'delivered');
    expect((await api.as(owner).get<DeliveryView>(`/v1/deliveries/${sent.id}`)).body.state).toBe(
      'acknowledged',
    );
    const live = { ...ingested(sent.messageId), releaseStatus: 'ReleaseMadeAvailableToConsumers' };
    expect((await postSignedCallback(api, partner, live)).status).toBe(202);
    const reported = await eventually(background, 'the delivery to be live', async () => {
      const delivery = await api.as(owner).get<DeliveryView>(`/v1/deliveries/${sent.id}`);
      return delivery.body.state === 'live' ? delivery.body : undefined;
    });
    expect((reported.events ?? []).map((event) => event.state).slice(-2)).toEqual(['acknowledged', 'live']);

    const revised = await api.as(admin).post<{ state: string }>(`/v1/releases/${release.id}/revise`);
    expect({ status: revised.status, state: revised.body.state }).toEqual({
      status: 200,
      state: 'changes_requested',
    });
    const history = await api
      .as(owner)
      .get<{ items: Array<{ from: string | null; to: string }> }>(`/v1/releases/${release.id}/history`);
    expect(history.body.items.map((event) => event.to).slice(-3)).toEqual([
      'distributing',
      'delivered',
      'changes_requested',
    ]);
  });

  test('an admin takes a delivered release down: a takedown delivery for the partner that has it', async ({
    api,
    admin,
    background,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'admin-takedown', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await deliveredRelease(api, admin, background, [partner]);
    const answer = await api.as(admin).post<{ state: string }>(`/v1/releases/${release.id}/takedown`);
    expect({ status: answer.status, state: answer.body.state }).toEqual({
      status: 200,
      state: 'takedown_requested',
    });
    const deliveries = await settledDeliveries(api, background, owner, release.id, 2);
    expect(deliveries.filter((delivery) => delivery.kind === 'takedown').map((d) => d.partnerId)).toEqual([
      partner.id,
    ]);
  });

  test('a failed delivery: an admin retry queues it again, and it is uploaded once the partner is back', async ({
    api,
    admin,
    background,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'admin-retry', 'in'), {
      profile: 'release_by_release',
    });
    // Down for every attempt the target's configuration allows: the delivery ends `failed`.
    mocks.s3.scenario('/admin-retry/', { dropConnection: true });
    const { owner, release, deliveries } = await distributedRelease(api, admin, background, [partner]);
    const [failed] = deliveries as [DeliveryView];
    expect(failed.state).toBe('failed');
    // Up again (a scenario with no uses left is no scenario).
    mocks.s3.scenario('/admin-retry/', { dropConnection: true, times: 0 });
    expect((await api.as(owner).post(`/v1/deliveries/${failed.id}/retry`)).status).toBe(403);
    const retried = await api.as(admin).post<DeliveryView>(`/v1/deliveries/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    // The answer is the delivery right after the edge; the target's workers may already have moved on.
    expect(['queued', 'packaging', 'uploading', 'uploaded']).toContain(retried.body.state);
    const uploaded = await eventually(background, 'the retried delivery to be uploaded', async () => {
      const [delivery] = await deliveriesOf(api, owner, release.id);
      return delivery?.state === 'uploaded' ? delivery : undefined;
    });
    const detail = await api.as(owner).get<DeliveryView>(`/v1/deliveries/${uploaded.id}`);
    const states = (detail.body.events ?? []).map((event) => event.state);
    expect(states.slice(states.indexOf('failed'), states.indexOf('failed') + 2)).toEqual([
      'failed',
      'queued',
    ]);
    expect([...mocks.s3.objects.keys()].some((key) => key.startsWith('admin-retry/in/'))).toBe(true);
  });
});
