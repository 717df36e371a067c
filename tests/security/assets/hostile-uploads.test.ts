import { covers } from '../../contract/checklist.ts';
import type { SampleName } from '../../fixtures/sample-files.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, draftRelease, put } from '../../utils/uploads.ts';

describe('hostile uploads are refused without being decoded', {
  tags: ['security', 'assets'],
  // A1 (MP3/AAC rejected) and C3 (JPEG or PNG only) are enforced at upload: such a file never reaches QC.
  ...covers('assets.415-magic-bytes', 'assets.422-header', 'qc.A1', 'qc.C3'),
}, () => {
  // API.md: a type mismatch → 415 UNSUPPORTED_MEDIA_TYPE; a header declaring a pixel bomb or an absurd
  // length → 422. A file whose header cannot be read is left open: any refusal the target documents.
  test.for<[SampleName, 'artwork' | 'audio', string, number | readonly number[]]>([
    ['png-named.jpg', 'artwork', 'image/jpeg', 415],
    ['gif-named.png', 'artwork', 'image/png', 415],
    ['artwork-3000.png', 'audio', 'audio/wav', 415],
    ['text-named.wav', 'audio', 'audio/wav', 415],
    ['id3-mp3-named.wav', 'audio', 'audio/wav', 415],
    ['valid-44100-16-stereo.flac', 'audio', 'audio/wav', 415],
    ['bomb-65535.png', 'artwork', 'image/png', 422],
    ['absurd-length.wav', 'audio', 'audio/wav', 422],
    ['truncated.png', 'artwork', 'image/png', [400, 415, 422]],
    ['truncated-header.wav', 'audio', 'audio/wav', [400, 415, 422]],
    ['truncated.flac', 'audio', 'audio/flac', [400, 415, 422]],
  ])(
    '%s sent as %s (%s) → %s, and the release still lacks it',
    async ([name, kind, type, status], { api, admin }) => {
      const { manager, release, trackId } = await draftRelease(api, admin);
      const path =
        kind === 'artwork'
          ? `/v1/releases/${release.id}/artwork`
          : `/v1/releases/${release.id}/tracks/${trackId}/audio`;
      const response = await put(api, manager, path, type, bytesOf(name));
      await expectRefusal(api, response, {
        status,
        ...(status === 415 ? { code: 'UNSUPPORTED_MEDIA_TYPE' as const } : {}),
      });
      // Nothing was kept: QC still misses the cover (R2) or the track's audio (R3).
      const report = await api
        .as(manager)
        .post<{ findings: Array<{ rule: string }> }>(`/v1/releases/${release.id}/validate`);
      expect(report.body.findings.map((finding) => finding.rule)).toContain(kind === 'artwork' ? 'R2' : 'R3');
    },
  );

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
