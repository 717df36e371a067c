import type { HistoryItem as HistoryItemSchema } from '@soundcheck/api/releases/schema.ts';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { createLabel, signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

type HistoryItem = Static<typeof HistoryItemSchema>;

describe('the four-eyes rule and the audit trail', {
  tags: ['e2e', 'workflow'],
  ...covers('security.four-eyes-admins-too', 'workflow.approve.admin', 'releases.history.200-list'),
}, () => {
  test('an admin who created a release cannot approve it (422); another admin can', async ({
    api,
    admin,
  }) => {
    const label = await createLabel(api, admin);
    const factory = releaseFactory.single().params({ labelId: label.id });
    const release = await WorkflowFactory.release(
      api,
      { owner: admin, reviewer: admin },
      'in_review',
      factory,
    );
    const own = await api.as(admin).post(`/v1/releases/${release.id}/approve`);
    await expectRefusal(api, own, { status: 422 });
    expect((await api.as(admin).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
      'in_review',
    );
    const colleague = await signedIn(api, admin, { role: 'reviewer' });
    const approved = await api.as(colleague).post<{ state: string }>(`/v1/releases/${release.id}/approve`);
    expect(approved.body.state).toBe('approved');
  });

  test('a reviewer who created nothing approves; the history is a paginated list, oldest first', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'approved');
    const history = await api
      .as(owner)
      .get<{ items: HistoryItem[]; nextCursor: string | null }>(`/v1/releases/${release.id}/history`);
    expect(history.status).toBe(200);
    expect(Array.isArray(history.body.items)).toBe(true);
    expect(history.body.nextCursor).toBeNull();
    const transitions = history.body.items.filter((item) => item.from);
    expect(transitions.map((item) => [item.from, item.to])).toEqual([
      ['draft', 'submitted'],
      ['submitted', 'in_review'],
      ['in_review', 'approved'],
    ]);
    for (const item of history.body.items) {
      expect(item).toMatchObject({
        at: expect.any(String),
        action: expect.any(String),
        to: expect.any(String),
      });
      expect(item.actor).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.at))).toBe(false);
    }
    const times = history.body.items.map((item) => Date.parse(item.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Paginated like every list: one item a page, following nextCursor, gives the same items in order.
    const paged: HistoryItem[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=1&cursor=${encodeURIComponent(cursor)}` : 'limit=1';
      const page = await api
        .as(owner)
        .get<{ items: HistoryItem[]; nextCursor: string | null }>(
          `/v1/releases/${release.id}/history?${query}`,
        );
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor && paged.length <= history.body.items.length);
    expect(paged).toEqual(history.body.items);
  });
});
