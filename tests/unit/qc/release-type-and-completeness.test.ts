import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { context, qcRelease, qcTrack, qcTracks } from './qc-release.ts';
import { severityOf } from './severity.ts';

const MIN = 60_000;
const findingsOf = (release: Parameters<typeof validateRelease>[0]) =>
  validateRelease(release, context).findings.map(({ rule, severity, field }) => ({ rule, severity, field }));
const typeWarning = [{ rule: 'M12', severity: severityOf('M12'), field: 'releaseType' }];

describe('QC release type and completeness', { tags: ['unit', 'qc'] }, () => {
  test.each([
    ['single', 3, 4 * MIN, []],
    ['single', 4, 4 * MIN, typeWarning],
    ['single', 1, 11 * MIN, typeWarning],
    ['ep', 2, 12 * MIN, []],
    ['ep', 2, 4 * MIN, typeWarning],
    ['ep', 5, 4 * MIN, []],
    ['ep', 7, 3 * MIN, typeWarning],
    ['ep', 6, 5 * MIN, typeWarning],
    ['album', 7, 3 * MIN, []],
    ['album', 3, 11 * MIN, []],
    ['album', 5, 4 * MIN, typeWarning],
    // An album of exactly 30 minutes and fewer than 7 tracks does not last over 30 minutes.
    ['album', 6, 5 * MIN, typeWarning],
  ] as const)('M12: a %s of %i tracks of %i ms', (releaseType, count, durationMs, expected) => {
    const tracks = qcTracks(count, { durationMs });
    const title = count === 1 ? 'Track 1' : 'Racine'; // M5: a one-track release takes its track's title
    expect(findingsOf(qcRelease({ title, releaseType, tracks }))).toEqual(expected);
  });

  test('M12: with durations unknown, a short EP is not called short: its track lengths are not known yet', () => {
    const tracks = qcTracks(2, { durationMs: null });
    expect(findingsOf(qcRelease({ title: 'Racine', releaseType: 'ep', tracks }))).toEqual([]);
  });

  test('M12: with durations unknown, an album is judged by its count alone', () => {
    expect(
      findingsOf(
        qcRelease({ title: 'Racine', releaseType: 'album', tracks: qcTracks(6, { durationMs: null }) }),
      ),
    ).toEqual(typeWarning);
    expect(
      findingsOf(
        qcRelease({ title: 'Racine', releaseType: 'album', tracks: qcTracks(7, { durationMs: null }) }),
      ),
    ).toEqual([]);
  });

  test('M14: 500 tracks pass, 501 block', () => {
    const album = (count: number) =>
      qcRelease({ title: 'Box', releaseType: 'album', tracks: qcTracks(count) });
    expect(findingsOf(album(500))).toEqual([]);
    expect(findingsOf(album(501))).toEqual([{ rule: 'M14', severity: severityOf('M14'), field: 'tracks' }]);
  });

  test('R1: a release without tracks blocks', () => {
    expect(findingsOf(qcRelease({ tracks: [] }))).toEqual([
      { rule: 'R1', severity: severityOf('R1'), field: 'tracks' },
    ]);
  });

  test('R4: no primary artist, or a track without a MainArtist, blocks', () => {
    const featuredOnly = qcTrack({
      contributors: [{ artistId: 'a2', name: 'Orelsan', role: 'FeaturedArtist' }],
    });
    expect(findingsOf(qcRelease({ primaryArtists: [], tracks: [featuredOnly] }))).toEqual([
      { rule: 'R4', severity: severityOf('R4'), field: 'primaryArtistIds' },
      { rule: 'R4', severity: 'block', field: 'tracks.0.contributors' },
    ]);
  });
});
