import { analyseAsset } from '@soundcheck/api/assets/analysis-job.ts';
import type { ValidationReport } from '@soundcheck/api/review/schema.ts';
import type { Static } from 'typebox';
import { attachAssets } from '../../factories/assets.ts';
import { type Release, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';

type Report = Static<typeof ValidationReport>;

const noAudio = (trackNumber: number) =>
  `Track ${trackNumber} has no audio; upload it with PUT /v1/releases/{id}/tracks/{trackId}/audio`;

describe('submit needs the artwork and every track’s valid audio (R2, R3)', {
  tags: ['integration', 'qc', 'assets', 'workflow'],
}, () => {
  test('a bare release: /validate lists R2 and R3, submit is 422 with the same findings, the release stays a draft', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, owner).create();
    const report = await api.as(owner).post<Report>(`/v1/releases/${release.id}/validate`);
    expect(report.body).toEqual({
      valid: false,
      findings: [
        {
          rule: 'R2',
          severity: 'block',
          field: 'artwork',
          message: 'The release has no front cover artwork; upload it with PUT /v1/releases/{id}/artwork',
        },
        { rule: 'R3', severity: 'block', field: 'tracks.0.audio', message: noAudio(1) },
      ],
    });
    const submit = await api.as(owner).post(`/v1/releases/${release.id}/submit`);
    expect(submit.body).toMatchObject({
      status: 422,
      code: 'BUSINESS_RULE_VIOLATED',
      errors: report.body.findings.map(({ rule, field, message }) => ({ code: rule, field, message })),
    });
    expect((await api.as(owner).get<Release>(`/v1/releases/${release.id}`)).body.state).toBe('draft');
  });

  test('audio on one track of two: R3 blocks the other; once it has audio, submit passes', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.album({ tracks: 2 }).as(api, owner).create();
    const [first, second] = release.tracks as [Release['tracks'][number], Release['tracks'][number]];
    await attachAssets(api, owner, { id: release.id, tracks: [first] });
    expect((await api.as(owner).post(`/v1/releases/${release.id}/submit`)).body).toMatchObject({
      status: 422,
      errors: [{ field: 'tracks.1.audio', code: 'R3', message: noAudio(2) }],
    });
    await attachAssets(api, owner, { id: release.id, tracks: [second] }, { artwork: null });
    expect((await api.as(owner).post<Release>(`/v1/releases/${release.id}/submit`)).body.state).toBe(
      'submitted',
    );
  });

  test('invalid audio (mono, 2 s) blocks with R3 beside the A3 and A6 findings that explain it', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory
      .single()
      .withAssets({ audio: 'mono-44100-16.wav' })
      .as(api, owner)
      .create();
    const submit = await api
      .as(owner)
      .post<{ errors: Array<{ field: string; code: string }> }>(`/v1/releases/${release.id}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.errors.map(({ code, field }) => `${code} ${field}`)).toEqual([
      'R3 tracks.0.audio',
      'A3 tracks.0.audio.channels',
      'A6 tracks.0.audio.durationMs',
    ]);
  });

  test('audio whose analysis has not finished blocks; once the analysis settles it valid, submit passes', async ({
    api,
    admin,
    db,
    deps,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory
      .single()
      .withAssets({ audio: 'valid-44100-16-stereo.wav' })
      .as(api, owner)
      .create();
    await deps.queue.drain();
    // In-process jobs run at once; put the WAV back where a busy worker would leave it: not analysed yet.
    const [audio] = await db.query<{ id: string }>(
      `UPDATE assets SET status = 'analysing' WHERE release_id = $1 AND kind = 'audio' RETURNING id`,
      [release.id],
    );
    const submit = await api.as(owner).post(`/v1/releases/${release.id}/submit`);
    expect(submit.body).toMatchObject({
      status: 422,
      errors: [
        {
          field: 'tracks.0.audio',
          code: 'R3',
          message: 'The audio of track 1 is still being analysed; submit once its analysis is done',
        },
      ],
    });
    await analyseAsset(deps, { assetId: audio!.id });
    expect((await api.as(owner).post<Release>(`/v1/releases/${release.id}/submit`)).body.state).toBe(
      'submitted',
    );
  });
});
