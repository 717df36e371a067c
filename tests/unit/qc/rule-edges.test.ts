import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { context, qcRelease, qcTrack, qcTracks } from './qc-release.ts';

const MIN = 60_000;
const findingsOf = (release: Parameters<typeof validateRelease>[0]) =>
  validateRelease(release, context).findings.map(({ rule, field, message }) => ({ rule, field, message }));
const rulesOf = (release: Parameters<typeof validateRelease>[0]) =>
  validateRelease(release, context).findings.map((finding) => finding.rule);
const single = (title: string) => qcRelease({ title, tracks: [qcTrack({ title })] });
/** A second track whose title is under test, beside a first one that passes. */
const withTrackTitle = (title: string) =>
  qcRelease({
    tracks: [qcTrack(), qcTrack({ title, trackNumber: 2, isrc: 'BET671300162' })],
  });

// The edges of the QC rules that `npm run mutation -- qc-rules` found unguarded: each test names the bug.
describe('QC rule edges and the words of their findings', { tags: ['unit', 'qc'] }, () => {
  test('M1: "feat" without its dot is a join too; a featured artist may carry a joined name', () => {
    expect(rulesOf(qcRelease({ primaryArtists: [{ id: 'a1', name: 'Stromae feat Orelsan' }] }))).toEqual([
      'M1',
    ]);
    // Only MainArtist contributors are held to one artist per name (the FeaturedArtist credit is the fix).
    const featured = qcTrack({
      contributors: [
        { artistId: 'a1', name: 'Stromae', role: 'MainArtist' },
        { artistId: 'a2', name: 'Angèle & Damso', role: 'FeaturedArtist' },
      ],
    });
    expect(rulesOf(qcRelease({ tracks: [featured] }))).toEqual([]);
  });

  test('M1 says which main artist of which track joins several names', () => {
    const track = qcTrack({
      trackNumber: 1,
      contributors: [{ artistId: 'a2', name: 'Angèle & Damso', role: 'MainArtist' }],
    });
    expect(findingsOf(qcRelease({ tracks: [track] }))).toEqual([
      {
        rule: 'M1',
        field: 'tracks.0.contributors.0',
        message:
          'Main artist "Angèle & Damso" of track 1 joins several artists in one name; credit each separately',
      },
    ]);
  });

  test('M2: capitals are judged on the letters alone, spaces and digits aside, and the title is quoted', () => {
    expect(findingsOf(single('MON AMOUR 2'))).toEqual([
      {
        rule: 'M2',
        field: 'title',
        message: '"MON AMOUR 2" is written in capitals; use title case unless the artist stylises it so',
      },
      {
        rule: 'M2',
        field: 'tracks.0.title',
        message: '"MON AMOUR 2" is written in capitals; use title case unless the artist stylises it so',
      },
    ]);
  });

  test('M3: an advisory with spaces inside its brackets is still an advisory, and the finding says so', () => {
    expect(findingsOf(withTrackTitle('Formidable ( Explicit )'))).toEqual([
      {
        rule: 'M3',
        field: 'tracks.1.title',
        message:
          '"Formidable ( Explicit )" marks its advisory in the title; remove it and set parentalAdvisory instead',
      },
    ]);
  });

  test.each([
    ['one asterisk inside a word', 'S*it Happens'],
    ['asterisks before a space', 'Sh* Happens'],
    ['one asterisk at the end', 'Formidable Merd*'],
  ])('M3: %s is censoring', (_case, title) => {
    expect(findingsOf(withTrackTitle(title))).toEqual([
      {
        rule: 'M3',
        field: 'tracks.1.title',
        message: `"${title}" censors a word with asterisks; write the title as it is and set parentalAdvisory`,
      },
    ]);
  });

  test('M3: an asterisk that follows no letter is not censoring', () => {
    expect(rulesOf(withTrackTitle('Formidable *'))).toEqual([]);
    expect(rulesOf(withTrackTitle('Formidable (*)'))).toEqual([]);
  });

  test('M7: years 1000 and 9999 have four digits; 10000 has five', () => {
    expect(rulesOf(qcRelease({ pLine: { year: 1000, owner: 'Mosaert' } }))).toEqual([]);
    expect(rulesOf(qcRelease({ cLine: { year: 9999, owner: 'Mosaert' } }))).toEqual([]);
    expect(findingsOf(qcRelease({ cLine: { year: 10000, owner: 'Mosaert' } }))).toEqual([
      { rule: 'M7', field: 'cLine.year', message: 'cLine needs a 4-digit year' },
    ]);
  });

  test('M9 and M11 name the value at fault', () => {
    const tracks = qcTracks(2).map((track) => ({ ...track, isrc: 'BET671300161' }));
    expect(findingsOf(qcRelease({ title: 'Racine', tracks }))).toEqual([
      {
        rule: 'M9',
        field: 'tracks.1.isrc',
        message: 'Track 2 repeats the ISRC BET671300161 of track 1; each recording has its own',
      },
    ]);
    expect(findingsOf(qcRelease({ tracks: [qcTrack({ isrc: 'BE-T67' })] }))).toEqual([
      { rule: 'M9', field: 'tracks.0.isrc', message: '"BE-T67" is not a valid ISRC' },
    ]);
    expect(findingsOf(qcRelease({ genre: 'Chanson' }))).toEqual([
      { rule: 'M11', field: 'genre', message: '"Chanson" is not a genre of the controlled list' },
    ]);
  });

  test('M12: a track of exactly 10 minutes is too long for a single', () => {
    expect(rulesOf(qcRelease({ tracks: [qcTrack({ durationMs: 10 * MIN })] }))).toEqual(['M12']);
    expect(rulesOf(qcRelease({ tracks: [qcTrack({ durationMs: 10 * MIN - 1 })] }))).toEqual([]);
  });

  test('M12: the longest track counts, not the shortest', () => {
    const tracks = qcTracks(2).map((track, i) => ({ ...track, durationMs: i === 0 ? MIN : 11 * MIN }));
    expect(findingsOf(qcRelease({ title: 'Racine', tracks }))).toEqual([
      {
        rule: 'M12',
        field: 'releaseType',
        message: 'This single has a track of 10 minutes or more; check the release type',
      },
    ]);
  });

  test('M12: one unknown duration makes the total unknown (not the sum of the others)', () => {
    const tracks = qcTracks(3).map((track, i) => ({ ...track, durationMs: i === 0 ? null : 20 * MIN }));
    expect(findingsOf(qcRelease({ title: 'Racine', releaseType: 'album', tracks }))).toEqual([
      {
        rule: 'M12',
        field: 'releaseType',
        message:
          'This album has 3 tracks; an album has 7 or more, or lasts over 30 minutes (durations are not known yet); check the release type',
      },
    ]);
  });

  test('M12: a release without tracks gets R1 alone, no release-type warning', () => {
    expect(rulesOf(qcRelease({ title: 'Racine', releaseType: 'album', tracks: [] }))).toEqual(['R1']);
  });

  test('R4: a track with a MainArtist and a featured artist has its main artist', () => {
    const track = qcTrack({
      contributors: [
        { artistId: 'a1', name: 'Stromae', role: 'MainArtist' },
        { artistId: 'a2', name: 'Orelsan', role: 'FeaturedArtist' },
      ],
    });
    expect(rulesOf(qcRelease({ tracks: [track] }))).toEqual([]);
  });
  test('M2: a title in a script without capitals (東京タワー) is not shouting', () => {
    expect(rulesOf(single('東京タワー'))).toEqual([]);
  });

  test.each([
    ['an EP of 6 short tracks is an EP', 6, 4 * MIN, null],
    [
      'an EP of 3 short tracks is not',
      3,
      4 * MIN,
      'This ep has 3 short tracks; 1 to 3 tracks make an EP only when one lasts 10 minutes or more; check the release type',
    ],
    ['an EP of 2 tracks of exactly 10 minutes is an EP', 2, 10 * MIN, null],
  ])('M12: %s', (_case, count, durationMs, message) => {
    const findings = findingsOf(
      qcRelease({ title: 'Racine', releaseType: 'ep', tracks: qcTracks(count, { durationMs }) }),
    );
    expect(findings).toEqual(message ? [{ rule: 'M12', field: 'releaseType', message }] : []);
  });

  test('M12: an album of known short durations says so, not that durations are unknown', () => {
    expect(
      findingsOf(
        qcRelease({ title: 'Racine', releaseType: 'album', tracks: qcTracks(5, { durationMs: 4 * MIN }) }),
      ),
    ).toEqual([
      {
        rule: 'M12',
        field: 'releaseType',
        message: 'This album has 5 tracks and lasts 30 minutes or less; check the release type',
      },
    ]);
  });

  test('R1, R4 and M1 findings say what to fix', () => {
    expect(findingsOf(qcRelease({ tracks: [] }))).toEqual([
      { rule: 'R1', field: 'tracks', message: 'The release has no tracks; add at least one' },
    ]);
    const featuredOnly = qcTrack({
      contributors: [{ artistId: 'a2', name: 'Orelsan', role: 'FeaturedArtist' }],
    });
    expect(findingsOf(qcRelease({ primaryArtists: [], tracks: [featuredOnly] }))).toEqual([
      { rule: 'R4', field: 'primaryArtistIds', message: 'The release needs at least one primary artist' },
      {
        rule: 'R4',
        field: 'tracks.0.contributors',
        message: 'Track 1 needs a contributor with the role MainArtist',
      },
    ]);
    expect(findingsOf(qcRelease({ primaryArtists: [{ id: 'a1', name: 'Stromae, Angèle' }] }))).toEqual([
      {
        rule: 'M1',
        field: 'primaryArtistIds.0',
        message:
          'Primary artist "Stromae, Angèle" joins several artists in one name; credit each as its own artist (featured artists as FeaturedArtist contributors)',
      },
    ]);
  });
});
