import { approvedReleaseWithAssets } from '../../factories/deliverable-release.ts';
import { deliveredRelease, deliveriesOf } from '../../factories/delivered-release.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('revise, redistribute, racing distributes, Idempotency-Key', {
  tags: ['e2e', 'delivery', 'workflow', 'external_deps', 'slow'],
}, () => {
  test('revise reopens a delivered release with its identifiers locked; distribute then sends update where the partner has it and new elsewhere', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const holder = await createPartner(api, admin, s3Transport(mocks.s3, 'revise-a', 'in'), {
      profile: 'release_by_release',
    });
    const newcomer = await createPartner(api, admin, s3Transport(mocks.s3, 'revise-b', 'in'), {
      profile: 'release_by_release',
    });
    const {
      owner,
      release,
      deliveries: [first],
    } = await deliveredRelease(api, admin, deps, [holder]);

    const revised = await api.as(owner).post<{ state: string }>(`/v1/releases/${release.id}/revise`);
    expect(revised.status).toBe(200);
    expect(revised.body.state).toBe('changes_requested');
    const track = release.tracks[0] as { id: string };
    for (const [path, body, field] of [
      [`/v1/releases/${release.id}`, { upc: '4006381333931' }, 'upc'],
      [`/v1/releases/${release.id}/tracks/${track.id}`, { isrc: 'USRC17607839' }, 'isrc'],
    ] as const) {
      const refused = await api
        .as(owner)
        .patch<{ code: string; errors: Array<{ field: string }> }>(path, body);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('IMMUTABLE_FIELD');
      expect(refused.body.errors.map((error) => error.field)).toEqual([field]);
    }
    // Titles stay editable (a single's release title follows its track's: QC rule M5).
    for (const path of [`/v1/releases/${release.id}/tracks/${track.id}`, `/v1/releases/${release.id}`]) {
      const retitled = await api.as(owner).patch<{ title: string }>(path, { title: 'Revised Title' });
      expect(retitled.status).toBe(200);
    }

    for (const step of [
      { action: 'submit', by: 'owner' as const },
      { action: 'start-review', by: 'reviewer' as const },
      { action: 'approve', by: 'reviewer' as const },
    ]) {
      await WorkflowFactory.act(api, { owner, reviewer: admin }, release.id, step);
    }
    const again = await api.as(owner).post<{ state: string }>(`/v1/releases/${release.id}/distribute`, {
      partnerIds: [holder.id, newcomer.id],
    });
    expect(again.body.state).toBe('distributing');
    await deps.queue.drain();
    const all = await deliveriesOf(api, owner, release.id);
    const latest = all.filter((delivery) => delivery.id !== first?.id);
    expect(
      latest.map((d) => [d.partnerId === holder.id ? 'holder' : 'newcomer', d.kind, d.state]).sort(),
    ).toEqual([
      ['holder', 'update', 'uploaded'],
      ['newcomer', 'new', 'uploaded'],
    ]);
    const update = latest.find((delivery) => delivery.kind === 'update');
    expect(update?.messageThreadId).toBe(first?.messageThreadId);
    expect(update?.messageId).not.toBe(first?.messageId);
    const ern = await api.as(owner).get(`/v1/deliveries/${update?.id}`.concat('/ern'));
    expect(ern.text).toContain('<TitleText>Revised Title</TitleText>');
    expect(ern.text).toContain(`<ICPN>${release.upc}</ICPN>`);
    expect(ern.text).toContain('<DealList>');
  });

  test('two distributes racing: one transition, one set of deliveries; the loser gets 409', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'race-bucket', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await approvedReleaseWithAssets(api, admin);
    const answers = await Promise.all(
      [1, 2].map(() =>
        api
          .as(owner)
          .post<{ code?: string }>(`/v1/releases/${release.id}/distribute`, { partnerIds: [partner.id] }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.code).toBe('INVALID_TRANSITION');
    await deps.queue.drain();
    expect((await deliveriesOf(api, owner, release.id)).map((d) => [d.kind, d.state])).toEqual([
      ['new', 'uploaded'],
    ]);
    const history = await api
      .as(owner)
      .get<{ items: Array<{ action: string }> }>(`/v1/releases/${release.id}/history`);
    expect(history.body.items.filter((event) => event.action === 'distribute')).toHaveLength(1);
  });

  test('Idempotency-Key: the same key and body replay the first answer; the same key with another body is 422', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'idem-bucket', 'in'), {
      profile: 'release_by_release',
    });
    const other = await createPartner(api, admin, s3Transport(mocks.s3, 'idem-other', 'in'), {
      profile: 'release_by_release',
    });
    const { owner, release } = await approvedReleaseWithAssets(api, admin);
    const post = (partnerIds: string[], key: string) =>
      api
        .as(owner)
        .post<{ items?: Array<{ id: string }>; code?: string }>(
          `/v1/releases/${release.id}/deliveries`,
          { partnerIds },
          { 'idempotency-key': key },
        );
    const first = await post([partner.id], 'deliver-once');
    expect(first.status).toBe(202);
    expect(first.body.items).toHaveLength(1);
    const replay = await post([partner.id], 'deliver-once');
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual(first.body);
    const reused = await post([other.id], 'deliver-once');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await deps.queue.drain();
    expect((await deliveriesOf(api, owner, release.id)).map((d) => d.id)).toEqual(
      first.body.items?.map((item) => item.id),
    );
    // Keys are per user: another user's identical key is a request of its own.
    const byAdmin = await api
      .as(admin)
      .post(
        `/v1/releases/${release.id}/deliveries`,
        { partnerIds: [other.id], kind: 'new' },
        { 'idempotency-key': 'deliver-once' },
      );
    expect(byAdmin.status).toBe(202);
  });
});
