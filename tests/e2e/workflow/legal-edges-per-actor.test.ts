import { covers } from '../../contract/checklist.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { createLabel, signedIn } from '../../factories/signed-in.ts';
import { type ReachableState, WorkflowFactory } from '../../factories/workflow.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Actor = 'artist' | 'label_manager' | 'admin' | 'reviewer';

// state_machines.json's edges, each posted by each of its actors (an artist on a release it created).
const edges: Array<[string, ReachableState, string, Actor]> = [
  ['submit', 'draft', 'submitted', 'artist'],
  ['submit', 'draft', 'submitted', 'admin'],
  ['withdraw', 'submitted', 'draft', 'artist'],
  ['withdraw', 'submitted', 'draft', 'label_manager'],
  ['withdraw', 'submitted', 'draft', 'admin'],
  ['start-review', 'submitted', 'in_review', 'admin'],
  ['request-changes', 'in_review', 'changes_requested', 'admin'],
  ['archive', 'draft', 'archived', 'label_manager'],
  ['archive', 'changes_requested', 'archived', 'admin'],
  ['submit', 'changes_requested', 'submitted', 'label_manager'],
];

describe('every legal edge, by each of its actors', {
  tags: ['e2e', 'workflow'],
  ...covers(
    'workflow.submit.artist',
    'workflow.submit.admin',
    'workflow.submit.label_manager',
    'workflow.withdraw.artist',
    'workflow.withdraw.label_manager',
    'workflow.withdraw.admin',
    'workflow.start_review.admin',
    'workflow.request_changes.admin',
    'workflow.archive.label_manager',
    'workflow.archive.admin',
  ),
}, () => {
  test.for(edges)('%s from %s → %s by the %s', async ([action, from, to, actor], { api, admin }) => {
    const label = await createLabel(api, admin);
    const artist = await signedIn(api, admin, { role: 'artist', labelId: label.id });
    const manager = await signedIn(api, admin, { role: 'label_manager', labelId: label.id });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    // The release's creator is the artist when the artist acts, the manager otherwise.
    const owner = actor === 'artist' ? artist : manager;
    // A submit from draft needs the assets QC asks for (R2, R3); the factory uploads them on the way otherwise.
    const factory = action === 'submit' ? releaseFactory.single().withAssets() : releaseFactory.single();
    const release = await WorkflowFactory.release(api, { owner, reviewer }, from, factory);
    const by = { artist, label_manager: manager, admin, reviewer }[actor];
    const body =
      action === 'request-changes' ? { reasons: [{ rule: 'M2', message: 'Title case' }] } : undefined;
    const answer = await api.as(by).post<{ state: string }>(`/v1/releases/${release.id}/${action}`, body);
    expect({ status: answer.status, state: answer.body.state }).toEqual({ status: 200, state: to });
    const history = await api
      .as(admin)
      .get<{ items: Array<{ from: string | null; to: string }> }>(`/v1/releases/${release.id}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ from, to });
  });

  test('request-changes without a reason is 400 and the release stays in review', async ({ api, admin }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await WorkflowFactory.release(api, { owner, reviewer }, 'in_review');
    const answer = await api.as(reviewer).post(`/v1/releases/${release.id}/request-changes`, { reasons: [] });
    expect(answer.status).toBe(400);
    expect((await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
      'in_review',
    );
  });
});
