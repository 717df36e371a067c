import type { SampleName } from '../../fixtures/sample-files.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, draftRelease, put } from '../../utils/uploads.ts';

describe('hostile uploads are refused without being decoded', { tags: ['security', 'assets'] }, () => {
  test.for<[SampleName, 'artwork' | 'audio', string, number, string]>([
    ['png-named.jpg', 'artwork', 'image/jpeg', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['artwork-3000.png', 'audio', 'audio/wav', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['text-named.wav', 'audio', 'audio/wav', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['id3-mp3-named.wav', 'audio', 'audio/wav', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['valid-44100-16-stereo.flac', 'audio', 'audio/wav', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['bomb-65535.png', 'artwork', 'image/png', 422, 'UNPROCESSABLE_CONTENT'],
    ['absurd-length.wav', 'audio', 'audio/wav', 422, 'UNPROCESSABLE_CONTENT'],
    ['truncated.png', 'artwork', 'image/png', 422, 'UNPROCESSABLE_CONTENT'],
    ['truncated-header.wav', 'audio', 'audio/wav', 422, 'UNPROCESSABLE_CONTENT'],
    ['truncated.flac', 'audio', 'audio/flac', 422, 'UNPROCESSABLE_CONTENT'],
  ])('%s sent as %s (%s) → %d %s', async ([name, kind, type, status, code], { api, admin, mocks }) => {
    const { manager, release, trackId } = await draftRelease(api, admin);
    const path =
      kind === 'artwork'
        ? `/v1/releases/${release.id}/artwork`
        : `/v1/releases/${release.id}/tracks/${trackId}/audio`;
    const response = await put(api, manager, path, type, bytesOf(name));
    expect({ status: response.status, code: (response.body as { code: string }).code }).toEqual({
      status,
      code,
    });
    expect(mocks.s3.objects.size).toBe(0);
  });

  test('a declared type the endpoint does not take is 415', async ({ api, admin }) => {
    const { manager, release } = await draftRelease(api, admin);
    const response = await put(
      api,
      manager,
      `/v1/releases/${release.id}/artwork`,
      'image/gif',
      Buffer.from('GIF89a'),
    );
    expect(response.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  test('an upload over the size limit is 413 from its content-length, before the body is read', async ({
    api,
    admin,
    deps,
  }) => {
    const { manager, release } = await draftRelease(api, admin);
    const body = Buffer.alloc(deps.config.artworkMaxBytes + 1);
    const response = await put(api, manager, `/v1/releases/${release.id}/artwork`, 'image/png', body);
    expect(response.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});
