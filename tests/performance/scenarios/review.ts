import { defineScenario } from 'soundcheck/load/index.ts';
import { releaseFactory } from '../../factories/releases.ts';
import type { SignedInUser } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { castOf, inBatches } from './cast.ts';

interface ReviewDesk {
  manager: SignedInUser;
  reviewer: SignedInUser;
  releaseIds: string[];
  next: { index: number };
}

/**
 * The review desk: submit, start review, approve — on releases prepared in setup (with their assets, so
 * submit passes QC). Each iteration takes the next prepared release; when they run out, the iteration
 * fails with that reason rather than reviewing one twice.
 */
export default defineScenario<ReviewDesk>({
  name: 'review',
  executor: { type: 'constant-arrival-rate', rate: 1, duration: '30s', maxVUs: 10 },
  async setup({ http, env }) {
    const { manager, reviewer } = await castOf(http);
    // One release per iteration: SOUNDCHECK_REVIEW_RELEASES should cover rate × duration.
    const releases = await inBatches(Number(env.SOUNDCHECK_REVIEW_RELEASES ?? 40), 4, () =>
      releaseFactory.single().withAssets().as(http, manager).create(),
    );
    return { manager, reviewer, releaseIds: releases.map((release) => release.id), next: { index: 0 } };
  },
  async iteration(ctx, desk) {
    const releaseId = desk.releaseIds[desk.next.index++];
    if (!releaseId)
      throw new Error(
        `all ${desk.releaseIds.length} prepared releases were reviewed; raise SOUNDCHECK_REVIEW_RELEASES`,
      );
    const party = { owner: desk.manager, reviewer: desk.reviewer };
    for (const step of [
      { action: 'submit', by: 'owner' },
      { action: 'start-review', by: 'reviewer' },
      { action: 'approve', by: 'reviewer' },
    ] as const)
      await WorkflowFactory.act(ctx.http, party, releaseId, step);
  },
  thresholds: { http_req_failed: ['rate<0.01'] },
});
