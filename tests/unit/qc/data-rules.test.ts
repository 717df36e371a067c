import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { context, qcRelease, qcTrack, qcTracks } from './qc-release.ts';
import { severityOf } from './severity.ts';

const findingsOf = (release: Parameters<typeof validateRelease>[0], ctx = context) =>
  validateRelease(release, ctx).findings.map(({ rule, severity, field }) => ({ rule, severity, field }));

describe('QC metadata rules', { tags: ['unit', 'qc'] }, () => {
  test('M4: an explicit track makes a clean or not-explicit release block', () => {
    const tracks = [qcTrack({ parentalAdvisory: 'explicit' })];
    expect(findingsOf(qcRelease({ tracks }))).toEqual([
      { rule: 'M4', severity: severityOf('M4'), field: 'parentalAdvisory' },
    ]);
    expect(findingsOf(qcRelease({ tracks, parentalAdvisory: 'clean' }))).toHaveLength(1);
    expect(findingsOf(qcRelease({ tracks, parentalAdvisory: 'explicit' }))).toEqual([]);
  });

  test('M7: a ℗ year after the release year, a 3-digit year and a blank owner block', () => {
    expect(findingsOf(qcRelease({ pLine: { year: 2014, owner: 'Mosaert' } }))).toEqual([
      { rule: 'M7', severity: severityOf('M7'), field: 'pLine.year' },
    ]);
    expect(findingsOf(qcRelease({ cLine: { year: 999, owner: ' ' } }))).toEqual([
      { rule: 'M7', severity: 'block', field: 'cLine.year' },
      { rule: 'M7', severity: 'block', field: 'cLine.owner' },
    ]);
  });

  test('M8: an original release date after the release date blocks; the same day passes', () => {
    expect(findingsOf(qcRelease({ originalReleaseDate: '2013-06-02' }))).toEqual([
      { rule: 'M8', severity: severityOf('M8'), field: 'originalReleaseDate' },
    ]);
    expect(findingsOf(qcRelease({ originalReleaseDate: '2013-06-01' }))).toEqual([]);
  });

  test('M9: a malformed ISRC and an ISRC repeated within the release block', () => {
    const tracks = qcTracks(3, { title: 'x' }).map((track, i) => ({ ...track, title: `Song ${i + 1}` }));
    tracks[1] = { ...tracks[1]!, isrc: tracks[0]!.isrc };
    tracks[2] = { ...tracks[2]!, isrc: 'BE-T67-13-0016' };
    expect(findingsOf(qcRelease({ title: 'Racine', tracks }))).toEqual([
      { rule: 'M9', severity: severityOf('M9'), field: 'tracks.1.isrc' },
      { rule: 'M9', severity: 'block', field: 'tracks.2.isrc' },
    ]);
  });

  test('M10: a UPC with a wrong check digit blocks', () => {
    expect(findingsOf(qcRelease({ upc: '0602537479871' }))).toEqual([
      { rule: 'M10', severity: severityOf('M10'), field: 'upc' },
    ]);
  });

  test('M11: an unknown genre blocks; a track needs a language unless instrumental', () => {
    expect(findingsOf(qcRelease({ genre: 'Chanson' }))).toEqual([
      { rule: 'M11', severity: severityOf('M11'), field: 'genre' },
    ]);
    expect(findingsOf(qcRelease({ tracks: [qcTrack({ language: 'xx' })] }))).toEqual([
      { rule: 'M11', severity: 'block', field: 'tracks.0.language' },
    ]);
    expect(findingsOf(qcRelease({ tracks: [qcTrack({ language: 'xx', instrumental: true })] }))).toEqual([]);
  });

  test('M13: a release date inside the lead time warns; exactly the lead time passes', () => {
    expect(findingsOf(qcRelease(), { today: '2013-05-26', leadTimeDays: 7 })).toEqual([
      { rule: 'M13', severity: severityOf('M13'), field: 'releaseDate' },
    ]);
    expect(findingsOf(qcRelease(), { today: '2013-05-25', leadTimeDays: 7 })).toEqual([]);
  });
});
