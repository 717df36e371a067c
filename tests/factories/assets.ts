import { readFileSync } from 'node:fs';
import type { Actor, ApiClient } from 'soundcheck/client/http-client.ts';
import { type SampleName, sampleFile } from '../fixtures/sample-files.ts';
import { expectStatus } from './expect-status.ts';

/** Which sample to upload as the artwork and as every track's audio; `null` leaves that kind out. */
export interface AssetChoice {
  artwork?: SampleName | null;
  audio?: SampleName | null;
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
 * Uploads artwork and every track's audio through the API, as `owner` — the uploads QC rules R2/R3 ask
 * for before a submit. The defaults pass every asset rule and are small (a 33 kB PNG, a 5 kB FLAC that is
 * valid at once), so any test can afford a release "with assets". WAV audio is analysed by a job and
 * stays `analysing` (R3 blocks) until then: in-process, `await deps.queue.drain()` before judging it.
 * To leave some tracks without audio, pass a release with only the others.
 */
export async function attachAssets(
  api: ApiClient,
  owner: Actor,
  release: { id: string; tracks: ReadonlyArray<{ id: string }> },
  { artwork = 'artwork-3000.png', audio = 'steady-31s-44100-16-stereo.flac' }: AssetChoice = {},
): Promise<{ artworkId: string | null; audioIds: string[] }> {
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
  const artworkId = artwork && (await put(`/v1/releases/${release.id}/artwork`, artwork, 'PUT artwork'));
  const audioIds: string[] = [];
  for (const track of release.tracks) {
    if (!audio) break;
    audioIds.push(await put(`/v1/releases/${release.id}/tracks/${track.id}/audio`, audio, 'PUT audio'));
  }
  return { artworkId, audioIds };
}
