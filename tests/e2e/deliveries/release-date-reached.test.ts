import { covers } from '../../contract/checklist.ts';
import { type DeliveryView, settledDeliveries } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { eventually } from '../../utils/background.ts';
import { postSignedCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

// state_machines.json: delivered → live on release_date_reached (system). A release dated today, sent to a
// partner with no lead time, goes live on its own once every partner has acknowledged it.
describe('a delivered release goes live on its release date', {
  tags: ['e2e', 'delivery', 'workflow', 'external_deps', 'slow'],
  ...covers('workflow.release_date_reached.system'),
}, () => {
  test('released today: delivered, then live without anyone acting', async ({
    api,
    admin,
    background,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'dated-today', 'in'), {
      profile: 'release_by_release',
      leadTimeDays: 0,
    });
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    // The target's clock and ours agree on the day (UTC) unless this runs across midnight.
    const today = new Date().toISOString().slice(0, 10);
    const factory = releaseFactory.single().params({ releaseDate: today });
    const release = await WorkflowFactory.release(api, { owner, reviewer: admin }, 'approved', factory);
    const distributed = await api
      .as(owner)
      .post(`/v1/releases/${release.id}/distribute`, { partnerIds: [partner.id] });
    expect(distributed.status).toBe(200);
    const [sent] = (await settledDeliveries(api, background, owner, release.id, 1)) as [DeliveryView];
    expect((await postSignedCallback(api, partner, ingested(sent.messageId))).status).toBe(202);
    await eventually(background, 'the release to be live', async () => {
      const now = await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`);
      return now.body.state === 'live' ? now.body : undefined;
    });
    const history = await api
      .as(owner)
      .get<{ items: Array<{ from: string | null; to: string }> }>(`/v1/releases/${release.id}/history`);
    expect(history.body.items.slice(-2).map((event) => [event.from, event.to])).toEqual([
      ['distributing', 'delivered'],
      ['delivered', 'live'],
    ]);
  });
});
