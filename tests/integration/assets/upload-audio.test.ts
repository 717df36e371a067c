import type { SampleName } from '../../fixtures/sample-files.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, draftRelease, expectContentServed, put, sha256 } from '../../utils/uploads.ts';

const audioPath = (releaseId: string, trackId: string) => `/v1/releases/${releaseId}/tracks/${trackId}/audio`;

describe('PUT /v1/releases/{id}/tracks/{trackId}/audio', { tags: ['integration', 'assets'] }, () => {
  test('a WAV is stored with its header facts, analysed in the background, and served back', async ({
    api,
    admin,
    app,
    deps,
  }) => {
    const { manager, release, trackId } = await draftRelease(api, admin);
    const wav = bytesOf('valid-44100-16-stereo.wav');
    const response = await put(api, manager, audioPath(release.id, trackId), 'audio/wav', wav);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      kind: 'audio',
      releaseId: release.id,
      trackId,
      contentType: 'audio/wav',
      codec: 'pcm',
      sampleRateHz: 44_100,
      bitDepth: 16,
      channels: 2,
      durationMs: 31_000,
      sizeBytes: wav.length,
      sha256: sha256(wav),
      status: 'analysing',
      findings: [],
      createdAt: expect.any(String),
    });
    const id = (response.body as { id: string }).id;
    await deps.queue.drain();
    expect((await api.as(manager).get(`/v1/assets/${id}`)).body).toMatchObject({
      status: 'valid',
      findings: [],
    });
    await expectContentServed(app, manager, id, 'audio/wav', wav);
  });

  test('a FLAC is read from its STREAMINFO and is valid at once', async ({ api, admin }) => {
    const { manager, release, trackId } = await draftRelease(api, admin);
    const response = await put(
      api,
      manager,
      audioPath(release.id, trackId),
      'audio/flac',
      bytesOf('valid-44100-16-stereo.flac'),
    );
    expect(response.body).toMatchObject({
      codec: 'flac',
      sampleRateHz: 44_100,
      bitDepth: 16,
      channels: 2,
      durationMs: 31_000,
      status: 'valid',
    });
  });

  test.for<[SampleName, string[]]>([
    ['mono-44100-16.wav', ['A3', 'A6']],
    ['low-22050-16-stereo.wav', ['A2', 'A6']],
    ['short-44100-16-stereo.wav', ['A6']],
  ])('%s breaks blocking rules %j and is invalid', async ([name, rules], { api, admin }) => {
    const { manager, release, trackId } = await draftRelease(api, admin);
    const response = await put(api, manager, audioPath(release.id, trackId), 'audio/wav', bytesOf(name));
    const body = response.body as { status: string; findings: Array<{ rule: string; severity: string }> };
    expect({ status: body.status, rules: body.findings.map((f) => `${f.rule}:${f.severity}`) }).toEqual({
      status: 'invalid',
      rules: rules.map((rule) => `${rule}:block`),
    });
  });

  test.for<[SampleName, string]>([
    ['leading-silence-44100-16-stereo.wav', 'A4'],
    ['clipped-44100-16-stereo.wav', 'A5'],
  ])(
    'the analysis job warns about %s (%s) and leaves it valid',
    async ([name, rule], { api, admin, deps }) => {
      const { manager, release, trackId } = await draftRelease(api, admin);
      const response = await put(api, manager, audioPath(release.id, trackId), 'audio/wav', bytesOf(name));
      await deps.queue.drain();
      const asset = await api.as(manager).get(`/v1/assets/${(response.body as { id: string }).id}`);
      expect(asset.body).toMatchObject({ status: 'valid', findings: [{ rule, severity: 'warn' }] });
    },
  );

  test('a track of another release is 404', async ({ api, admin }) => {
    const { manager, release } = await draftRelease(api, admin);
    const other = await draftRelease(api, admin);
    const response = await put(
      api,
      manager,
      audioPath(release.id, other.trackId),
      'audio/wav',
      bytesOf('short-44100-16-stereo.wav'),
    );
    expect(response.status).toBe(404);
  });
});
