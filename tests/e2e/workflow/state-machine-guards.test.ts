import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { createPartner, s3Transport } from '../../factories/partners.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { type ReachableState, WorkflowFactory } from '../../factories/workflow.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** The release actions with an endpoint, and which of them state_machines.json allows from each state. */
const actions = [
  'submit',
  'withdraw',
  'start-review',
  'request-changes',
  'approve',
  'distribute',
  'revise',
  'takedown',
  'archive',
];
const legal: Record<ReachableState, string[]> = {
  draft: ['submit', 'archive'],
  submitted: ['withdraw', 'start-review'],
  in_review: ['request-changes', 'approve'],
  changes_requested: ['submit', 'archive'],
  approved: ['distribute'],
  archived: [],
};

/** A body that passes the shape checks of each action, so only its state can refuse it. */
function bodyOf(action: string, partnerId: string) {
  if (action === 'request-changes') return { reasons: [{ rule: 'M2', message: 'Use title case' }] };
  if (action === 'distribute') return { partnerIds: [partnerId] };
  return undefined;
}

async function party(api: ApiClient, admin: SignedInUser) {
  const owner = await signedIn(api, admin, { role: 'label_manager' });
  const reviewer = await signedIn(api, admin, { role: 'reviewer' });
  return { owner, reviewer };
}

describe('the release state machine refuses what it does not allow', {
  tags: ['e2e', 'workflow'],
  ...covers(
    'workflow.submit.409-illegal',
    'workflow.withdraw.409-illegal',
    'workflow.start_review.409-illegal',
    'workflow.request_changes.409-illegal',
    'workflow.approve.409-illegal',
    'workflow.enqueue_deliveries.409-illegal',
    'workflow.request_takedown.409-illegal',
    'workflow.archive.409-illegal',
    'workflow.revise.409-illegal',
  ),
}, () => {
  test.for(Object.keys(legal) as ReachableState[])(
    'from %s every other action is 409 INVALID_TRANSITION and the state stays',
    async (state, { api, admin, mocks }) => {
      const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'sm-bucket', 'in'));
      const release = await WorkflowFactory.release(api, await party(api, admin), state);
      for (const action of actions.filter((each) => !legal[state].includes(each))) {
        const answer = await api
          .as(admin)
          .post(`/v1/releases/${release.id}/${action}`, bodyOf(action, partner.id));
        await expectRefusal(api, answer, { status: 409, code: 'INVALID_TRANSITION' });
      }
      expect((await api.as(admin).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
        state,
      );
    },
  );

  // Legal edges, posted by a role that sees the release but is not among the edge's actors → 403.
  test.for([
    ['draft', 'submit', 'reviewer'],
    ['submitted', 'start-review', 'owner'],
    ['in_review', 'approve', 'owner'],
    ['in_review', 'request-changes', 'owner'],
    ['approved', 'distribute', 'reviewer'],
    ['draft', 'archive', 'artist'],
  ] as const)(
    'from %s, %s by the %s is 403 and the state stays',
    async ([state, action, role], { api, admin, mocks }) => {
      const partner = await createPartner(api, admin, s3Transport(mocks.s3, 'sm-roles', 'in'));
      const people = await party(api, admin);
      const artist = await signedIn(api, admin, { role: 'artist', labelId: people.owner.labelId as string });
      const actor = { owner: people.owner, reviewer: people.reviewer, artist }[role];
      const release = await WorkflowFactory.release(
        api,
        role === 'artist' ? { owner: artist, reviewer: people.reviewer } : people,
        state,
      );
      const answer = await api
        .as(actor)
        .post(`/v1/releases/${release.id}/${action}`, bodyOf(action, partner.id));
      await expectRefusal(api, answer, { status: 403, code: 'FORBIDDEN' });
      expect((await api.as(admin).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
        state,
      );
    },
  );
});
