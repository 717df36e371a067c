import type { AudioFacts } from '@soundcheck/api/media/audio-facts.ts';
import type { ImageFacts } from '@soundcheck/api/media/image-facts.ts';
import type { QcAsset, QcContext, QcRelease, QcTrack } from '@soundcheck/api/qc/types.ts';

/** Analysed audio that passes every audio rule (R3, A1–A6). */
export function qcAudio(overrides: Partial<QcAsset<AudioFacts>> = {}): QcAsset<AudioFacts> {
  return {
    facts: { codec: 'flac', sampleRateHz: 44_100, bitDepth: 16, channels: 2, durationMs: 213_000 },
    sizeBytes: 25_000_000,
    status: 'valid',
    findings: [],
    ...overrides,
  };
}

/** Front cover artwork that passes every artwork rule (R2, C1–C5). */
const qcArtwork = (): QcAsset<ImageFacts> => ({
  facts: { format: 'png', width: 3000, height: 3000, colorSpace: 'RGB' },
  sizeBytes: 33_000,
  status: 'valid',
  findings: [],
});

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
    audio: qcAudio(),
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
    artwork: qcArtwork(),
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
