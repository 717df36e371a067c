import { type Release, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('POST /v1/releases/{id}/{action}', { tags: ['integration', 'workflow'] }, () => {
  test('the happy path answers the whole release with its new state each time', async ({ api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await releaseFactory.single().withAssets().as(api, owner).create();
    const steps: Array<[typeof owner, string, string]> = [
      [owner, 'submit', 'submitted'],
      [reviewer, 'start-review', 'in_review'],
      [reviewer, 'approve', 'approved'],
    ];
    for (const [actor, action, state] of steps) {
      const response = await api.as(actor).post<Release>(`/v1/releases/${release.id}/${action}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...release, state, updatedAt: expect.any(String) });
    }
  });

  test('submit with blocking QC findings is 422 with the findings as errors, and the state stays', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory
      .single()
      .withAssets()
      .invalidForQc('M5-title-mismatch')
      .as(api, owner)
      .create();
    const response = await api.as(owner).post(`/v1/releases/${release.id}/submit`);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      code: 'BUSINESS_RULE_VIOLATED',
      errors: [{ field: 'title', code: 'M5', message: expect.any(String) }],
    });
    expect((await api.as(owner).get<Release>(`/v1/releases/${release.id}`)).body.state).toBe('draft');
  });

  test('four eyes: an admin who created the release cannot approve it (422); another reviewer can', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await releaseFactory
      .single()
      .withAssets()
      .params({ labelId: manager.labelId! })
      .as(api, admin)
      .create();
    await api.as(admin).post(`/v1/releases/${release.id}/submit`);
    await api.as(admin).post(`/v1/releases/${release.id}/start-review`);
    const own = await api.as(admin).post(`/v1/releases/${release.id}/approve`);
    expect(own.body).toMatchObject({
      status: 422,
      code: 'BUSINESS_RULE_VIOLATED',
      errors: [{ code: 'FOUR_EYES' }],
    });
    expect((await api.as(reviewer).post<Release>(`/v1/releases/${release.id}/approve`)).body.state).toBe(
      'approved',
    );
  });

  test('request-changes needs at least one reason (400) and records them', async ({ api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'in_review');
    const path = `/v1/releases/${release.id}/request-changes`;
    for (const body of [undefined, {}, { reasons: [] }, { reasons: [{ rule: 'M2' }] }]) {
      expect((await api.as(reviewer).post(path, body)).status).toBe(400);
    }
    const reasons = [{ rule: 'C6', message: 'The cover shows a URL' }];
    expect((await api.as(reviewer).post<Release>(path, { reasons })).body.state).toBe('changes_requested');
    const history = await api.as(owner).get<{ items: unknown[] }>(`/v1/releases/${release.id}/history`);
    expect(history.body.items.at(-1)).toEqual({
      at: expect.any(String),
      actor: reviewer.id,
      action: 'request-changes',
      from: 'in_review',
      to: 'changes_requested',
      reasons,
    });
  });

  test.for([
    ['draft', 'approve'],
    ['draft', 'withdraw'],
    ['draft', 'start-review'],
    ['submitted', 'submit'],
    ['submitted', 'archive'],
    ['approved', 'submit'],
    ['approved', 'archive'],
    ['archived', 'submit'],
  ] as const)('from %s, %s is 409 INVALID_TRANSITION', async ([state, action], { api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, state);
    const by = ['approve', 'start-review'].includes(action) ? admin : owner;
    const response = await api.as(by).post(`/v1/releases/${release.id}/${action}`);
    expect(response.body).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
  });

  test('roles: reviewers cannot submit or archive, owners cannot review (403); an artist submits and withdraws their own', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const artist = await signedIn(api, admin, { role: 'artist', labelId: manager.labelId! });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await releaseFactory.single().withAssets().as(api, artist).create();
    expect((await api.as(reviewer).post(`/v1/releases/${release.id}/submit`)).status).toBe(403);
    expect((await api.as(reviewer).post(`/v1/releases/${release.id}/archive`)).status).toBe(403);
    expect((await api.as(artist).post(`/v1/releases/${release.id}/archive`)).status).toBe(403);
    expect((await api.as(artist).post<Release>(`/v1/releases/${release.id}/submit`)).body.state).toBe(
      'submitted',
    );
    expect((await api.as(manager).post(`/v1/releases/${release.id}/start-review`)).status).toBe(403);
    expect((await api.as(artist).post<Release>(`/v1/releases/${release.id}/withdraw`)).body.state).toBe(
      'draft',
    );
    expect((await api.as(manager).post<Release>(`/v1/releases/${release.id}/archive`)).body.state).toBe(
      'archived',
    );
  });

  test('actions other than request-changes refuse a body (400)', async ({ api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().withAssets().as(api, owner).create();
    const response = await api.as(owner).post(`/v1/releases/${release.id}/submit`, { state: 'approved' });
    expect(response.status).toBe(400);
    expect((await api.as(owner).post(`/v1/releases/${release.id}/submit`, {})).status).toBe(200);
  });
});
