import type { HistoryPage } from '@soundcheck/api/releases/schema.ts';
import type { Static } from 'typebox';
import { signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Page = Static<typeof HistoryPage>;

describe('GET /v1/releases/{id}/history', { tags: ['integration', 'workflow'] }, () => {
  test('lists every transition oldest first, in pages', async ({ api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'changes_requested');
    await WorkflowFactory.act(api, { owner, reviewer }, release.id, { action: 'submit', by: 'owner' });
    const items: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (
        await api
          .as(reviewer)
          .get<Page>(`/v1/releases/${release.id}/history?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(items.map(({ actor, action, from, to }) => ({ actor, action, from, to }))).toEqual([
      { actor: owner.id, action: 'create', from: null, to: 'draft' },
      { actor: owner.id, action: 'submit', from: 'draft', to: 'submitted' },
      { actor: reviewer.id, action: 'start-review', from: 'submitted', to: 'in_review' },
      { actor: reviewer.id, action: 'request-changes', from: 'in_review', to: 'changes_requested' },
      { actor: owner.id, action: 'submit', from: 'changes_requested', to: 'submitted' },
    ]);
    const times = items.map((item) => item.at);
    expect([...times].sort()).toEqual(times);
  });

  test('another label’s history is 404', async ({ api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const stranger = await signedIn(api, admin, { role: 'label_manager' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'draft');
    expect((await api.as(stranger).get(`/v1/releases/${release.id}/history`)).status).toBe(404);
  });
});
