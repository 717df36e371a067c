import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { context, qcAudio, qcRelease, qcTrack, qcTracks } from './qc-release.ts';
import { severityOf } from './severity.ts';

const findingsOf = (release: Parameters<typeof validateRelease>[0]) =>
  validateRelease(release, context).findings.filter(({ rule }) => rule === 'R2' || rule === 'R3');

describe('QC completeness of assets (R2 artwork, R3 audio)', { tags: ['unit', 'qc'] }, () => {
  test('artwork and analysed, valid audio on every track: no finding', () => {
    expect(
      validateRelease(qcRelease({ title: 'Racine', releaseType: 'ep', tracks: qcTracks(5) }), context),
    ).toEqual({ valid: true, findings: [] });
  });

  test.for([
    ['null (none uploaded)', null],
    ['absent (assets not loaded)', undefined],
  ] as const)('R2: artwork %s blocks on the field artwork', ([, artwork]) => {
    expect(validateRelease(qcRelease({ artwork }), context)).toEqual({
      valid: false,
      findings: [
        {
          rule: 'R2',
          severity: severityOf('R2'),
          field: 'artwork',
          message: 'The release has no front cover artwork; upload it with PUT /v1/releases/{id}/artwork',
        },
      ],
    });
  });

  test('R3: each track without audio, still analysing or invalid blocks on its own field; a valid one passes', () => {
    const tracks = qcTracks(5).map((track, i) =>
      qcTrack({
        ...track,
        audio: [qcAudio(), null, undefined, qcAudio({ status: 'analysing' }), qcAudio({ status: 'invalid' })][
          i
        ],
      }),
    );
    const report = validateRelease(qcRelease({ title: 'Racine', releaseType: 'ep', tracks }), context);
    expect(report).toEqual({
      valid: false,
      findings: [
        {
          rule: 'R3',
          severity: severityOf('R3'),
          field: 'tracks.1.audio',
          message: 'Track 2 has no audio; upload it with PUT /v1/releases/{id}/tracks/{trackId}/audio',
        },
        {
          rule: 'R3',
          severity: 'block',
          field: 'tracks.2.audio',
          message: 'Track 3 has no audio; upload it with PUT /v1/releases/{id}/tracks/{trackId}/audio',
        },
        {
          rule: 'R3',
          severity: 'block',
          field: 'tracks.3.audio',
          message: 'The audio of track 4 is still being analysed; submit once its analysis is done',
        },
        {
          rule: 'R3',
          severity: 'block',
          field: 'tracks.4.audio',
          message: 'The audio of track 5 failed its checks (see its A* findings); upload a corrected file',
        },
      ],
    });
  });

  test('R3: audio still analysing blocks even when its header facts pass every rule', () => {
    const analysing = qcRelease({ tracks: [qcTrack({ audio: qcAudio({ status: 'analysing' }) })] });
    expect(validateRelease(analysing, context).valid).toBe(false);
    expect(findingsOf(analysing).map(({ rule, field }) => `${rule} ${field}`)).toEqual(['R3 tracks.0.audio']);
  });

  test('R2 and R3 together: a bare release (no assets at all) has one R2 and one R3 per track', () => {
    const bare = qcRelease({
      title: 'Racine',
      releaseType: 'ep',
      artwork: null,
      tracks: qcTracks(2, { audio: null }),
    });
    expect(findingsOf(bare).map(({ rule, field }) => `${rule} ${field}`)).toEqual([
      'R2 artwork',
      'R3 tracks.0.audio',
      'R3 tracks.1.audio',
    ]);
  });
});
