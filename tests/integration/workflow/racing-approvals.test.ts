import type { HistoryPage } from '@soundcheck/api/releases/schema.ts';
import type { Static } from 'typebox';
import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

type History = Static<typeof HistoryPage>;

describe('racing workflow actions', { tags: ['integration', 'workflow', 'database'] }, () => {
  test('two reviewers approving at once make exactly one transition and one history entry', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const first = await signedIn(api, admin, { role: 'reviewer' });
    const second = await signedIn(api, admin, { role: 'reviewer' });
    // Several rounds, so a lucky interleaving cannot hide a missing lock.
    for (let round = 0; round < 5; round++) {
      const release = await WorkflowFactory.release(api, { owner, reviewer: first }, 'in_review');
      const path = `/v1/releases/${release.id}/approve`;
      const responses = await Promise.all([api.as(first).post(path), api.as(second).post(path)]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const history = await api.as(owner).get<History>(`/v1/releases/${release.id}/history`);
      expect(history.body.items.filter((item) => item.action === 'approve')).toHaveLength(1);
    }
  });

  test('a submit racing a withdraw of the same release never leaves two transitions from one state', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'submitted');
    const [withdraw, review] = await Promise.all([
      api.as(owner).post(`/v1/releases/${release.id}/withdraw`),
      api.as(reviewer).post(`/v1/releases/${release.id}/start-review`),
    ]);
    expect([withdraw.status, review.status].sort()).toEqual([200, 409]);
    const history = await api.as(owner).get<History>(`/v1/releases/${release.id}/history`);
    expect(history.body.items.map((item) => item.action)).toEqual([
      'create',
      'submit',
      withdraw.status === 200 ? 'withdraw' : 'start-review',
    ]);
  });
});
