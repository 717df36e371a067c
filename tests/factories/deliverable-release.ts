import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { type SignedInUser, signedIn } from './signed-in.ts';
import { WorkflowFactory } from './workflow.ts';

/** An approved single with its artwork and audio uploaded and valid, ready to distribute. */
export async function approvedReleaseWithAssets(api: ApiClient, admin: SignedInUser) {
  const owner = await signedIn(api, admin, { role: 'label_manager' });
  const release = await WorkflowFactory.release(api, { owner, reviewer: admin }, 'approved');
  return { owner, release };
}
