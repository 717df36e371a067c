import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { context, qcRelease, qcTrack, qcTracks } from './qc-release.ts';

/** The messages of one rule's findings: what the label manager reads to fix the release. */
const wordsOf = (rule: string, release: Parameters<typeof validateRelease>[0]) =>
  validateRelease(release, context)
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => finding.message);

// A finding that says nothing (or says it wrongly) leaves the label manager guessing: each rule's words
// name the values at fault, as the UI shows them.
describe('QC findings say what is wrong and what to do', { tags: ['unit', 'qc'] }, () => {
  test('M4 names the explicit tracks and the release’s own advisory', () => {
    const tracks = qcTracks(3).map((track) =>
      track.trackNumber === 2 ? track : { ...track, parentalAdvisory: 'explicit' as const },
    );
    expect(wordsOf('M4', qcRelease({ releaseType: 'ep', tracks }))).toEqual([
      'Track(s) 1, 3 are explicit, so the release must be explicit too (it is not_explicit)',
    ]);
  });

  test('M5 gives the title a one-track release must take', () => {
    expect(wordsOf('M5', qcRelease({ title: 'Papaoutai' }))).toEqual([
      'A one-track release takes its track\'s title: "Formidable", not "Papaoutai"',
    ]);
  });

  test('M6 quotes the title that names its format', () => {
    const title = 'Formidable EP';
    expect(wordsOf('M6', qcRelease({ title, tracks: [qcTrack({ title })] }))).toEqual([
      '"Formidable EP" names its format; stores add " - Single"/" - EP" themselves, keep it only if it is part of the original title',
    ]);
  });

  test('M7 says which line lacks an owner, and which ℗ year is after which release year', () => {
    expect(
      wordsOf(
        'M7',
        qcRelease({ pLine: { year: 2014, owner: 'Mosaert' }, cLine: { year: 2013, owner: ' ' } }),
      ),
    ).toEqual(['cLine needs an owner name', 'The ℗ year 2014 is after the release year 2013']);
  });

  test('M8 gives both dates', () => {
    expect(wordsOf('M8', qcRelease({ originalReleaseDate: '2013-06-02' }))).toEqual([
      'The original release date 2013-06-02 is after the release date 2013-06-01',
    ]);
  });

  test('M10 quotes the UPC', () => {
    expect(wordsOf('M10', qcRelease({ upc: '0602537479871' }))).toEqual([
      '"0602537479871" is not a UPC-A or EAN-13 with a correct check digit',
    ]);
  });

  test('M11 names the track without a language', () => {
    expect(wordsOf('M11', qcRelease({ tracks: [qcTrack({ language: 'xx' })] }))).toEqual([
      'Track 1 needs an ISO 639-1 language of performance or instrumental: true',
    ]);
  });

  test('M13 gives the lead time and the earliest date that leaves it', () => {
    expect(wordsOf('M13', qcRelease({ releaseDate: '2013-05-03' }))).toEqual([
      'The release date 2013-05-03 leaves less than 7 days of lead time; 2013-05-08 or later gives stores time to pitch it',
    ]);
  });

  test('M14 gives the track count and the limit', () => {
    expect(wordsOf('M14', qcRelease({ releaseType: 'album', tracks: qcTracks(501) }))).toEqual([
      'The release has 501 tracks; stores accept at most 500',
    ]);
  });
});
