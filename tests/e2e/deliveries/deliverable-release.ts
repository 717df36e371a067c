import { readFileSync } from 'node:fs';
import type { Deps } from '@soundcheck/api/deps.ts';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { expectStatus } from '../../factories/expect-status.ts';
import { type Release, ReleaseFactory } from '../../factories/releases.ts';
import { type SignedInUser, signedIn } from '../../factories/signed-in.ts';
import { WorkflowFactory } from '../../factories/workflow.ts';
import { sampleFile } from '../../fixtures/sample-files.ts';

const bytes = (name: Parameters<typeof sampleFile>[0]) => readFileSync(sampleFile(name));

/** An approved single with its artwork and audio uploaded (and analysed), ready to distribute. */
export async function approvedReleaseWithAssets(api: ApiClient, admin: SignedInUser, deps: Deps) {
  const owner = await signedIn(api, admin, { role: 'label_manager' });
  const release = await ReleaseFactory.single().create(api, owner);
  const put = (path: string, type: string, payload: Buffer) =>
    api.as(owner).request({ method: 'PUT', path, headers: { 'content-type': type }, payload });
  expectStatus(
    await put(`/v1/releases/${release.id}/artwork`, 'image/png', bytes('artwork-3000.png')),
    201,
    'artwork',
  );
  for (const track of release.tracks) {
    expectStatus(
      await put(
        `/v1/releases/${release.id}/tracks/${track.id}/audio`,
        'audio/wav',
        bytes('valid-44100-16-stereo.wav'),
      ),
      201,
      'audio',
    );
  }
  await deps.queue.drain();
  let current: Release = release;
  for (const step of [
    { action: 'submit', by: 'owner' as const },
    { action: 'start-review', by: 'reviewer' as const },
    { action: 'approve', by: 'reviewer' as const },
  ]) {
    current = await WorkflowFactory.act(api, { owner, reviewer: admin }, release.id, step);
  }
  return { owner, release: current };
}
