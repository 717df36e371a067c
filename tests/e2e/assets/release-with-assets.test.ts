import type { ValidationReport } from '@soundcheck/api/review/schema.ts';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import { attachAssets } from '../../factories/assets.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { eventually } from '../../utils/background.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, put } from '../../utils/uploads.ts';

type Report = Static<typeof ValidationReport>;

const assetFindings = (report: Report) =>
  report.findings.filter((f) => /^[AC]\d/.test(f.rule)).map((f) => `${f.rule} ${f.severity}`);

describe('a release with its assets, from upload to review', {
  tags: ['e2e', 'assets', 'qc'],
  ...covers('qc.A4', 'workflow.submit.label_manager'),
}, () => {
  // The e-mail to reviewers on submit is checked in-process (tests/integration/notifications): a target's
  // SMTP server is its own configuration, not a mock this process can read.
  test('artwork and audio uploaded, the analysis finishes, /validate passes, submit is accepted', async ({
    api,
    admin,
    background,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, owner).create();
    // JPEG artwork and WAV audio (analysed in the background); the factory's defaults are a PNG and a FLAC.
    await attachAssets(api, owner, release, {
      artwork: 'artwork-3000.jpg',
      audio: 'valid-48000-24-stereo.wav',
    });
    const report = await eventually(background, 'the audio analysis to finish', async () => {
      const answer = await api.as(owner).post<Report>(`/v1/releases/${release.id}/validate`);
      return answer.body.valid ? answer.body : undefined;
    });
    expect(assetFindings(report)).toEqual([]);
    const submitted = await api.as(owner).post(`/v1/releases/${release.id}/submit`);
    expect(submitted.body).toMatchObject({ state: 'submitted' });
  });

  test('asset findings join /validate and block submission', async ({ api, admin, background }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.single().as(api, owner).create();
    const trackId = release.tracks[0]?.id;
    await put(api, owner, `/v1/releases/${release.id}/artwork`, 'image/png', bytesOf('artwork-1400.png'));
    await put(
      api,
      owner,
      `/v1/releases/${release.id}/tracks/${trackId}/audio`,
      'audio/wav',
      bytesOf('leading-silence-44100-16-stereo.wav'),
    );
    // C2 (1400 px < 3000) blocks; A4 (11 s of leading silence > 10 s) warns once the analysis has run.
    const report = await eventually(background, 'the A4 finding of the audio analysis', async () => {
      const answer = await api.as(owner).post<Report>(`/v1/releases/${release.id}/validate`);
      return assetFindings(answer.body).includes('A4 warn') ? answer.body : undefined;
    });
    expect(assetFindings(report).sort()).toEqual(['A4 warn', 'C2 block']);
    expect(report.valid).toBe(false);
    const submit = await api.as(owner).post(`/v1/releases/${release.id}/submit`);
    await expectRefusal(api, submit, { status: 422 });
    expect((submit.body as { errors?: unknown[] }).errors?.length).toBeGreaterThan(0);
    expect((await api.as(owner).get<{ state: string }>(`/v1/releases/${release.id}`)).body.state).toBe(
      'draft',
    );
  });

  test('the factory’s default assets (PNG artwork, 5 kB steady FLAC) pass every asset rule and R2/R3', async ({
    api,
    admin,
  }) => {
    const owner = await signedIn(api, admin, { role: 'label_manager' });
    const release = await releaseFactory.ep().as(api, owner).create();
    await attachAssets(api, owner, release);
    const report = await api.as(owner).post<Report>(`/v1/releases/${release.id}/validate`);
    expect(report.body.findings.filter((f) => /^([AC]\d|R[23])$/.test(f.rule))).toEqual([]);
  });
});
