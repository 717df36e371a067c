import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { context, qcRelease, qcTrack } from './qc-release.ts';
import { severityOf } from './severity.ts';

const findingsOf = (release: Parameters<typeof validateRelease>[0]) =>
  validateRelease(release, context).findings.map(({ rule, severity, field }) => ({ rule, severity, field }));

const single = (title: string) => qcRelease({ title, tracks: [qcTrack({ title })] });

describe('QC title rules', { tags: ['unit', 'qc'] }, () => {
  test.each([
    ['A primary artist joined with feat.', 'Stromae feat. Orelsan'],
    ['joined with ft', 'Stromae ft Orelsan'],
    ['joined with &', 'Stromae & Angèle'],
    ['joined with x', 'Stromae x Pomme'],
    ['joined with a comma', 'Stromae, Angèle'],
  ])('M1: %s is refused', (_case, name) => {
    expect(findingsOf(qcRelease({ primaryArtists: [{ id: 'a1', name }] }))).toEqual([
      { rule: 'M1', severity: severityOf('M1'), field: 'primaryArtistIds.0' },
    ]);
  });

  test('M1: a MainArtist contributor name with a join is refused; names like "Xavier" are not joins', () => {
    const track = qcTrack({ contributors: [{ artistId: 'a2', name: 'Angèle & Damso', role: 'MainArtist' }] });
    expect(findingsOf(qcRelease({ tracks: [track] }))).toEqual([
      { rule: 'M1', severity: 'block', field: 'tracks.0.contributors.0' },
    ]);
    expect(findingsOf(qcRelease({ primaryArtists: [{ id: 'a1', name: 'Xavier Rudd' }] }))).toEqual([]);
  });

  test.each([
    ['ALL CAPS', 'FORMIDABLE'],
    ['promotional text', 'Formidable (Official)'],
    ['"Original Mix"', 'Formidable (Original Mix)'],
  ])('M2: a title in %s warns on the release and its track', (_case, title) => {
    expect(findingsOf(single(title))).toEqual([
      { rule: 'M2', severity: severityOf('M2'), field: 'title' },
      { rule: 'M2', severity: 'warn', field: 'tracks.0.title' },
    ]);
  });

  test('M2: short capitals such as "EP" or "ABC" are not shouting', () => {
    expect(findingsOf(single('ABC'))).toEqual([]);
  });

  test.each([
    ['(Explicit)', 'Formidable (Explicit)'],
    ['[Clean]', 'Formidable [Clean]'],
    ['asterisk censoring', 'F**k Formidable'],
    ['asterisks at the end', 'Formidable Sh**'],
  ])('M3: %s in a title blocks', (_case, title) => {
    expect(
      findingsOf(
        qcRelease({
          tracks: [
            qcTrack({ title: 'Formidable' }),
            qcTrack({ title, trackNumber: 2, isrc: 'BET671300162' }),
          ],
        }),
      ),
    ).toEqual([{ rule: 'M3', severity: severityOf('M3'), field: 'tracks.1.title' }]);
  });

  test('M5: a one-track release that does not carry its track title blocks', () => {
    expect(findingsOf(qcRelease({ title: 'Racine carrée' }))).toEqual([
      { rule: 'M5', severity: severityOf('M5'), field: 'title' },
    ]);
  });

  test('M6: "Single" or "EP" in the release title warns', () => {
    expect(findingsOf(single('Formidable EP'))).toEqual([
      { rule: 'M6', severity: severityOf('M6'), field: 'title' },
    ]);
    expect(findingsOf(single('Formidable - Single'))).toEqual([
      { rule: 'M6', severity: 'warn', field: 'title' },
    ]);
  });
});
