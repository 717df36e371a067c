import { readFileSync } from 'node:fs';
import type { ApiClient } from 'soundcheck/client/http-client.ts';
import { type SampleName, sampleFile } from '../fixtures/sample-files.ts';
import { expectStatus } from './expect-status.ts';
import type { Release } from './releases.ts';
import type { SignedInUser } from './signed-in.ts';

export interface AssetChoice {
  artwork?: SampleName;
  audio?: SampleName;
}

const typeOf = (name: SampleName) =>
  name.endsWith('.png')
    ? 'image/png'
    : name.endsWith('.jpg')
      ? 'image/jpeg'
      : name.endsWith('.flac')
        ? 'audio/flac'
        : 'audio/wav';

/**
 * Uploads artwork and every track's audio through the API, as `owner`. The defaults pass every blocking
 * asset rule and are small (a 33 kB PNG, a 5 kB FLAC), so any test can afford a release "with assets".
 * WAV audio is analysed by a job: in-process, `await deps.queue.drain()` before judging the release.
 */
export async function attachAssets(
  api: ApiClient,
  owner: SignedInUser,
  release: Release,
  { artwork = 'artwork-3000.png', audio = 'steady-31s-44100-16-stereo.flac' }: AssetChoice = {},
): Promise<{ artworkId: string; audioIds: string[] }> {
  const put = async (path: string, name: SampleName, what: string) =>
    expectStatus(
      await api.as(owner).request<{ id: string }>({
        method: 'PUT',
        path,
        headers: { 'content-type': typeOf(name) },
        payload: readFileSync(sampleFile(name)),
      }),
      201,
      what,
    ).id;
  const artworkId = await put(`/v1/releases/${release.id}/artwork`, artwork, 'PUT artwork');
  const audioIds: string[] = [];
  for (const track of release.tracks) {
    audioIds.push(await put(`/v1/releases/${release.id}/tracks/${track.id}/audio`, audio, 'PUT audio'));
  }
  return { artworkId, audioIds };
}
