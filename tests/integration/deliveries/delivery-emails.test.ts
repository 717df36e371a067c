import { sweepDeliveries } from '@soundcheck/api/deliveries/sweep.ts';
import { assets } from '@soundcheck/api/releases/tables.ts';
import { and, eq } from 'drizzle-orm';
import type { CapturedMail } from 'soundcheck/mocks/smtp-mock.ts';
import { approvedReleaseWithAssets } from '../../factories/deliverable-release.ts';
import { deliveredRelease, deliveriesOf, distributedRelease } from '../../factories/delivered-release.ts';
import { expectStatus } from '../../factories/expect-status.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { backgroundOf } from '../../utils/background.ts';
import { postSignedCallback as postCallback } from '../../utils/contract/sign-callback.ts';
import { ingested } from '../../utils/partner-callback.ts';
import { describe, expect, test } from '../../utils/test.ts';

const about = (mails: CapturedMail[], words: string) => mails.filter((mail) => mail.subject.includes(words));

describe('delivery e-mails to the label’s managers', {
  tags: ['integration', 'delivery', 'notifications', 'external_deps'],
}, () => {
  test('a partner’s rejection e-mails every manager of the label, with the partner’s reason, and nobody else', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'mail-reject', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await approvedReleaseWithAssets(api, admin);
    const colleague = await signedIn(api, admin, { role: 'label_manager', labelId: owner.labelId as string });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: owner.labelId as string });
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    await api.as(owner).post(`/v1/releases/${release.id}/distribute`, { partnerIds: [partner.id] });
    await deps.queue.drain();
    const [delivery] = await deliveriesOf(api, owner, release.id);
    const rejection = {
      messageId: delivery?.messageId,
      releaseStatus: 'ProcessingErrorAtReleaseDistributor',
      fileStatus: 'FileOK',
      errorText: 'Cover art <too small>',
    };
    const sentAt = Math.floor(Date.now() / 1000);
    expect((await postCallback(api, partner, rejection, sentAt)).status).toBe(202);
    // The partner sends the same acknowledgement again, newly signed: a second earlier than the first, never the
    // same second (the same body and second is the same signature, a replay: 401 when the first call took a second).
    const resent = await postCallback(api, partner, rejection, sentAt - 1);
    expect(resent.status).toBe(202);
    expect(resent.body).toEqual({ status: 'unchanged' });
    await deps.queue.drain();
    const mails = about(mocks.smtp.messages, 'rejected');
    expect(mails.map((mail) => mail.to)).toEqual([[owner.email, colleague.email].sort()]);
    expect(mails[0]).toMatchObject({
      subject: `${partner.name} rejected “${release.title}”`,
      text: expect.stringContaining('Reason: ProcessingErrorAtReleaseDistributor: Cover art <too small>'),
      html: expect.stringContaining('Cover art &lt;too small&gt;'),
    });
    for (const outsider of [artist, stranger]) expect(mocks.smtp.to(outsider.email)).toEqual([]);
  });

  test('a delivery that fails for good (partner down through every retry) e-mails once, with the last error', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(
      api,
      admin,
      { ...s3Transport(mocks.s3, 'mail-down', 'in'), endpoint: 'http://localhost:9' },
      { profile: 'release_by_release' },
    );
    const {
      owner,
      release,
      deliveries: [delivery],
    } = await distributedRelease(api, admin, backgroundOf(deps), [partner]);
    expect(delivery?.state).toBe('failed');
    const mails = about(mocks.smtp.to(owner.email), 'failed');
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Delivery of “${release.title}” to ${partner.name} failed`,
    ]);
    expect(mails[0]?.text).toContain(`Last error: ${delivery?.lastError}`);
  });

  test('an acknowledgement that never comes: failed with the reason, the release keeps waiting, the managers are told', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'mail-silent', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await distributedRelease(api, admin, backgroundOf(deps), [partner]);
    const { ackTimeoutMs } = deps.config.deliveries;
    // Just inside the window nothing happens; just past it the delivery fails.
    const at = (ms: number) => ({ ...deps, clock: { now: () => new Date(Date.now() + ms) } });
    await sweepDeliveries(at(ackTimeoutMs - 60_000));
    expect((await deliveriesOf(api, owner, release.id))[0]?.state).toBe('uploaded');
    await sweepDeliveries(at(ackTimeoutMs + 60_000));
    const [delivery] = await deliveriesOf(api, owner, release.id);
    expect(delivery).toMatchObject({
      state: 'failed',
      lastError: `no acknowledgement within ${ackTimeoutMs} ms`,
    });
    const detail = await api
      .as(owner)
      .get<{ events: Array<{ state: string; detail: string }> }>(`/v1/deliveries/${delivery?.id}`);
    expect(detail.body.events.at(-1)).toMatchObject({ state: 'failed', detail: delivery?.lastError });
    expect((await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
      'distributing',
    );
    await deps.queue.drain();
    const mails = about(mocks.smtp.to(owner.email), 'failed');
    expect(mails.map((mail) => mail.text?.includes(`no acknowledgement within ${ackTimeoutMs} ms`))).toEqual([
      true,
    ]);
  });

  // The other way packaging fails, which no request reaches (e2e/deliveries/unbuildable-message.test.ts is
  // the one a request does): a resource gone behind the API, here the artwork's row.
  test('a message that cannot be built: failed at packaging, not retried, nothing sent, the managers told', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'mail-unbuilt', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await approvedReleaseWithAssets(api, admin);
    await deps.db.orm.delete(assets).where(and(eq(assets.releaseId, release.id), eq(assets.kind, 'artwork')));
    const distributed = await api.as(owner).post(`/v1/releases/${release.id}/distribute`, {
      partnerIds: [partner.id],
    });
    expectStatus(distributed, 200, 'distribute');
    await deps.queue.drain();
    const [listed] = await deliveriesOf(api, owner, release.id);
    const delivery = await api
      .as(owner)
      .get<{ state: string; attempts: number; lastError: string; events: Array<{ state: string }> }>(
        `/v1/deliveries/${listed?.id}`,
      );
    expect(delivery.body).toMatchObject({
      state: 'failed',
      attempts: 0,
      lastError: 'the release has no artwork',
    });
    expect(delivery.body.events.map((event) => event.state)).toEqual(['queued', 'packaging', 'failed']);
    expect([...mocks.s3.objects.keys()].filter((key) => key.startsWith('mail-unbuilt/'))).toEqual([]);
    const mails = about(mocks.smtp.to(owner.email), 'failed');
    expect(mails.map((mail) => mail.text?.includes('Last error: the release has no artwork'))).toEqual([
      true,
    ]);
  });

  test('a takedown the partner confirmed e-mails the managers', async ({ api, admin, deps, mocks }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'mail-takedown', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await deliveredRelease(api, admin, backgroundOf(deps), [partner]);
    expectStatus(await api.as(owner).post(`/v1/releases/${release.id}/takedown`), 200, 'takedown');
    await deps.queue.drain();
    const takedown = (await deliveriesOf(api, owner, release.id)).find((d) => d.kind === 'takedown');
    expect(about(mocks.smtp.to(owner.email), 'Takedown')).toEqual([]);
    expect((await postCallback(api, partner, ingested(takedown?.messageId ?? ''))).status).toBe(202);
    await deps.queue.drain();
    expect(about(mocks.smtp.to(owner.email), 'Takedown').map((mail) => mail.subject)).toEqual([
      `Takedown of “${release.title}” from ${partner.name} complete`,
    ]);
    expect((await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
      'taken_down',
    );
  });
});
