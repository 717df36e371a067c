import { TEST_BUCKET } from '../../mocks/test-mocks.ts';
import { test as base, describe, expect } from '../../utils/test.ts';
import { bytesOf, draftRelease, expectContentServed, put, sha256 } from '../../utils/uploads.ts';

/** The same app, its objects in the S3 mock instead of a local directory. */
const test = base.override({ storageKind: 's3' });

describe('uploads stored in S3', { tags: ['integration', 'assets', 'external_deps'] }, () => {
  test('artwork and audio land in the bucket under generated keys and are served back', async ({
    api,
    admin,
    app,
    mocks,
  }) => {
    const { manager, release, trackId } = await draftRelease(api, admin);
    const png = bytesOf('artwork-3000.png');
    const wav = bytesOf('valid-44100-16-stereo.wav');
    const artwork = await put(api, manager, `/v1/releases/${release.id}/artwork`, 'image/png', png);
    const audio = await put(
      api,
      manager,
      `/v1/releases/${release.id}/tracks/${trackId}/audio`,
      'audio/wav',
      wav,
    );
    expect([artwork.status, audio.status]).toEqual([201, 201]);
    const stored = [...mocks.s3.objects.entries()].map(([key, object]) => ({
      key,
      type: object.contentType,
      sha: sha256(object.body),
    }));
    const artworkId = (artwork.body as { id: string }).id;
    const audioId = (audio.body as { id: string }).id;
    expect(stored.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      {
        key: `${TEST_BUCKET}/objects/artwork/${artworkId.slice(-2)}/${artworkId}`,
        type: 'image/png',
        sha: sha256(png),
      },
      {
        key: `${TEST_BUCKET}/objects/audio/${audioId.slice(-2)}/${audioId}`,
        type: 'audio/wav',
        sha: sha256(wav),
      },
    ]);
    await expectContentServed(app, manager, artworkId, 'image/png', png);
    await expectContentServed(app, manager, audioId, 'audio/wav', wav);
  });

  test('a storage outage is a 503 with retry-after that leaves no asset behind', async ({
    api,
    admin,
    mocks,
  }) => {
    const { manager, release } = await draftRelease(api, admin);
    mocks.s3.scenario('*', { status: 500 });
    const response = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/png',
      bytesOf('artwork-3000.png'),
    );
    expect(response.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(response.headers['retry-after']).toBe('5');
    mocks.s3.reset();
    const again = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/png',
      bytesOf('artwork-3000.png'),
    );
    expect(again.status).toBe(201);
  });
});
