import type { Finding as FindingSchema } from '@soundcheck/api/review/schema.ts';
import type { Static } from 'typebox';
import { covers } from '../../contract/checklist.ts';
import type { SampleName } from '../../fixtures/sample-files.ts';
import { eventually } from '../../utils/background.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { bytesOf, draftRelease, put } from '../../utils/uploads.ts';

type Finding = Static<typeof FindingSchema>;

// Uploads the API accepts (201) whose facts break one asset rule: /validate reports it, once any
// background analysis is done, with qc_rules.json's severity.
describe('asset QC rules through /validate', {
  tags: ['e2e', 'qc', 'assets'],
  ...covers(
    'qc.A2',
    'qc.A3',
    'qc.A5',
    'qc.A6',
    'qc.C1',
    'qc.C2',
    'qc.C4',
    'qc.C5',
    'qc.A7',
    'assets.artwork.201',
    'assets.audio.201',
  ),
}, () => {
  test.for<[string, 'artwork' | 'audio', SampleName, string, string]>([
    ['C1', 'artwork', 'artwork-3000x2000.jpg', 'image/jpeg', 'block'],
    ['C2', 'artwork', 'artwork-1400.png', 'image/png', 'block'],
    ['C4', 'artwork', 'artwork-3000-cmyk.jpg', 'image/jpeg', 'block'],
    ['C5', 'artwork', 'artwork-3000-12mb.png', 'image/png', 'block'],
    ['A2', 'audio', 'low-22050-16-stereo.wav', 'audio/wav', 'block'],
    ['A3', 'audio', 'mono-44100-16.wav', 'audio/wav', 'block'],
    ['A5', 'audio', 'clipped-44100-16-stereo.wav', 'audio/wav', 'warn'],
    ['A6', 'audio', 'short-44100-16-stereo.wav', 'audio/wav', 'block'],
    ['A7', 'audio', 'tagged-44100-16-stereo.wav', 'audio/wav', 'warn'],
  ])('%s: %s %s', async ([rule, kind, sample, type, severity], { api, admin, background }) => {
    const { manager, release, trackId } = await draftRelease(api, admin);
    const path =
      kind === 'artwork'
        ? `/v1/releases/${release.id}/artwork`
        : `/v1/releases/${release.id}/tracks/${trackId}/audio`;
    const uploaded = await put(api, manager, path, type, bytesOf(sample));
    expect(uploaded.status).toBe(201);
    const findings = await eventually(background, `the ${rule} finding`, async () => {
      const report = await api
        .as(manager)
        .post<{ findings: Finding[] }>(`/v1/releases/${release.id}/validate`);
      return report.body.findings.some((finding) => finding.rule === rule) ? report.body.findings : undefined;
    });
    expect(findings).toContainEqual(expect.objectContaining({ rule, severity }));
  });
});
