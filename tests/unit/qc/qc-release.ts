import type { QcContext, QcRelease, QcTrack } from '@soundcheck/api/qc/types.ts';

/** A release that passes every QC rule; tests change one thing and expect one finding. */
export function qcTrack(overrides: Partial<QcTrack> = {}): QcTrack {
  return {
    title: 'Formidable',
    version: null,
    isrc: 'BET671300161',
    trackNumber: 1,
    discNumber: 1,
    parentalAdvisory: 'not_explicit',
    language: null,
    instrumental: false,
    durationMs: 213_000,
    contributors: [{ artistId: 'a1', name: 'Stromae', role: 'MainArtist' }],
    ...overrides,
  };
}

export function qcRelease(overrides: Partial<QcRelease> = {}): QcRelease {
  return {
    title: 'Formidable',
    version: null,
    releaseType: 'single',
    upc: '0602537479870',
    genre: 'Pop',
    language: 'fr',
    parentalAdvisory: 'not_explicit',
    pLine: { year: 2013, owner: 'Mosaert' },
    cLine: { year: 2013, owner: 'Mosaert' },
    releaseDate: '2013-06-01',
    originalReleaseDate: null,
    primaryArtists: [{ id: 'a1', name: 'Stromae' }],
    tracks: [qcTrack()],
    ...overrides,
  };
}

/** `count` distinct tracks numbered 1..count. */
export const qcTracks = (count: number, overrides: Partial<QcTrack> = {}): QcTrack[] =>
  Array.from({ length: count }, (_, i) =>
    qcTrack({
      title: `Track ${i + 1}`,
      trackNumber: i + 1,
      isrc: `BET67130${String(1000 + i).padStart(4, '0')}`,
      ...overrides,
    }),
  );

export const context: QcContext = { today: '2013-05-01', leadTimeDays: 7 };
