import { attachAssets } from '../../factories/assets.ts';
import { ReleaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, put } from '../../utils/uploads.ts';

interface Report {
  valid: boolean;
  findings: Array<{ rule: string; severity: string; field: string }>;
}

describe('a release with its assets, from upload to review', {
  tags: ['e2e', 'assets', 'notifications', 'qc'],
}, () => {
  test('artwork and audio uploaded, /validate passes, submit e-mails the reviewer', async ({
    api,
    admin,
    deps,
    mocks,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const reviewer = await signedIn(api, admin, { role: 'reviewer' });
    const release = await ReleaseFactory.single().create(api, owner);
    // JPEG artwork and WAV audio (analysed by the job); the factory's defaults are a PNG and a FLAC.
    await attachAssets(api, owner, release, {
      artwork: 'artwork-3000.jpg',
      audio: 'valid-48000-24-stereo.wav',
    });
    await deps.queue.drain();

    const report = await api.as(owner).post<Report>(`/v1/releases/${release.id}/validate`);
    expect(report.body.findings.filter((f) => /^[AC]\d/.test(f.rule))).toEqual([]);
    expect(report.body.valid).toBe(true);

    const submitted = await api.as(owner).post(`/v1/releases/${release.id}/submit`);
    expect(submitted.body).toMatchObject({ state: 'submitted' });
    await deps.queue.drain();
    expect(mocks.smtp.to(reviewer.email).map((mail) => mail.subject)).toEqual([
      `Release “${release.title}” submitted for review`,
    ]);
  });

  test('asset findings join /validate and block submission', async ({ api, admin, deps }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await ReleaseFactory.single().create(api, owner);
    const trackId = release.tracks[0]!.id;
    await put(api, owner, `/v1/releases/${release.id}/artwork`, 'image/png', bytesOf('artwork-1400.png'));
    await put(
      api,
      owner,
      `/v1/releases/${release.id}/tracks/${trackId}/audio`,
      'audio/wav',
      bytesOf('leading-silence-44100-16-stereo.wav'),
    );
    await deps.queue.drain();
    const report = await api.as(owner).post<Report>(`/v1/releases/${release.id}/validate`);
    expect(report.body.findings.filter((f) => /^[AC]\d/.test(f.rule))).toEqual([
      {
        rule: 'C2',
        severity: 'block',
        field: 'artwork.width',
        message: 'Artwork must be at least 3000×3000 px',
      },
      {
        rule: 'A4',
        severity: 'warn',
        field: 'tracks.0.audio.leadingSilenceMs',
        message: '11 s of silence at the start (at most 10 s)',
      },
    ]);
    expect(report.body.valid).toBe(false);
    const submit = await api.as(owner).post(`/v1/releases/${release.id}/submit`);
    expect(submit.body).toMatchObject({
      status: 422,
      code: 'BUSINESS_RULE_VIOLATED',
      errors: [{ field: 'artwork.width', code: 'C2' }],
    });
  });

  test('the factory’s default assets (PNG artwork, 5 kB steady FLAC) pass every asset rule and R2/R3', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await ReleaseFactory.ep().create(api, owner);
    await attachAssets(api, owner, release);
    const report = await api.as(owner).post<Report>(`/v1/releases/${release.id}/validate`);
    expect(report.body.findings.filter((f) => /^([AC]\d|R[23])$/.test(f.rule))).toEqual([]);
  });
});
