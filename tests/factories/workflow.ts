import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { expectStatus } from './expect-status.ts';
import { type Release, type ReleaseFactory, releaseFactory } from './releases.ts';
import type { SignedInUser } from './signed-in.ts';

/** The release states reached by the workflow actions alone (later states need a partner: delivered-release.ts). */
export type ReachableState =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'changes_requested'
  | 'approved'
  | 'archived';

/** The legal path from draft to each state: the actions to post, in order, and who posts them. */
const paths: Record<ReachableState, Array<{ action: string; by: 'owner' | 'reviewer' }>> = {
  draft: [],
  submitted: [{ action: 'submit', by: 'owner' }],
  in_review: [
    { action: 'submit', by: 'owner' },
    { action: 'start-review', by: 'reviewer' },
  ],
  changes_requested: [
    { action: 'submit', by: 'owner' },
    { action: 'start-review', by: 'reviewer' },
    { action: 'request-changes', by: 'reviewer' },
  ],
  approved: [
    { action: 'submit', by: 'owner' },
    { action: 'start-review', by: 'reviewer' },
    { action: 'approve', by: 'reviewer' },
  ],
  archived: [{ action: 'archive', by: 'owner' }],
};

export interface WorkflowParty {
  /** Creates and submits the release: a label manager (or an artist, who cannot archive). */
  owner: SignedInUser;
  /** Reviews it: a reviewer or an admin who did not create it. */
  reviewer: SignedInUser;
}

/**
 * Brings a release to `state` the legal way — every step through the API, as a user would — so the
 * history, guards and side effects are those of a real release. A path through `submit` uploads the
 * release's artwork and audio first (QC rules R2/R3), with the factory's asset choice if it has one.
 */
export const WorkflowFactory = {
  async release(
    api: ApiClient,
    party: WorkflowParty,
    state: ReachableState,
    factory: ReleaseFactory = releaseFactory.single(),
  ): Promise<Release> {
    const submits = paths[state].some((step) => step.action === 'submit');
    let release = await (submits ? factory.withAssets() : factory).as(api, party.owner).create();
    for (const step of paths[state]) release = await WorkflowFactory.act(api, party, release.id, step);
    return release;
  },

  async act(
    api: ApiClient,
    party: WorkflowParty,
    releaseId: string,
    step: { action: string; by: 'owner' | 'reviewer' },
  ): Promise<Release> {
    const body =
      step.action === 'request-changes'
        ? { reasons: [{ rule: 'M2', message: 'Please use title case' }] }
        : undefined;
    return expectStatus(
      await api.as(party[step.by]).post<Release>(`/v1/releases/${releaseId}/${step.action}`, body),
      200,
      `POST /v1/releases/{id}/${step.action}`,
    );
  },
};
