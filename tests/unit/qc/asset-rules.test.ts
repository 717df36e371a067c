import type { AudioFacts } from '@soundcheck/api/media/audio-facts.ts';
import type { ImageFacts } from '@soundcheck/api/media/image-facts.ts';
import { analysisFindings, artworkFindings, audioFindings } from '@soundcheck/api/qc/asset-findings.ts';
import type { Finding } from '@soundcheck/api/qc/types.ts';
import { validateRelease } from '@soundcheck/api/qc/validate.ts';
import { describe, expect, test } from 'vitest';
import { context, qcAudio, qcRelease, qcTrack } from './qc-release.ts';
import { severityOf } from './severity.ts';

const goodArtwork: ImageFacts = { format: 'png', width: 3000, height: 3000, colorSpace: 'RGB' };
const goodAudio: AudioFacts = {
  codec: 'flac',
  sampleRateHz: 44_100,
  bitDepth: 16,
  channels: 2,
  durationMs: 213_000,
};
const finding = (rule: string, field: string, message: string): Finding => ({
  rule,
  severity: severityOf(rule),
  field,
  message,
});

/** A release that passes every rule but for its artwork. */
const withArtwork = (facts: Partial<ImageFacts>, sizeBytes = 33_000) =>
  validateRelease(
    qcRelease({
      artwork: { facts: { ...goodArtwork, ...facts }, sizeBytes, status: 'valid', findings: [] },
    }),
    context,
  ).findings;
/** A release whose second track's audio has `facts` (the first track passes). */
const withAudio = (facts: Partial<AudioFacts>, findings: Finding[] = []) =>
  validateRelease(
    qcRelease({
      tracks: [
        qcTrack(),
        qcTrack({
          trackNumber: 2,
          isrc: 'BET671300162',
          audio: qcAudio({ facts: { ...goodAudio, ...facts }, findings }),
        }),
      ],
    }),
    context,
  ).findings.filter((f) => f.rule !== 'M12');

// Rules C1–C5 and A1–A7 (qc_rules.json): each defect alone gives its one finding, at its edge.
describe('QC asset rules: artwork C1–C5, audio A1–A7', { tags: ['unit', 'qc'] }, () => {
  test.each([
    [{ width: 3000, height: 3100 }, [['C1', 'width', 'Artwork must be square; it is 3000×3100']]],
    [{ width: 2999, height: 2999 }, [['C2', 'width', 'Artwork must be at least 3000×3000 px']]],
    // The smaller side decides: a 3200×2999 image is too small as well as not square.
    [
      { width: 3200, height: 2999 },
      [
        ['C1', 'width', 'Artwork must be square; it is 3200×2999'],
        ['C2', 'width', 'Artwork must be at least 3000×3000 px'],
      ],
    ],
    [{ format: 'gif' as ImageFacts['format'] }, [['C3', 'format', 'Artwork must be JPEG or PNG']]],
    [{ colorSpace: 'CMYK' as const }, [['C4', 'colorSpace', 'Artwork must be RGB; it is CMYK']]],
  ])('artwork %o → %j', (facts, expected) => {
    expect(withArtwork(facts)).toEqual(
      expected.map(([rule, field, message]) => finding(rule!, `artwork.${field}`, message!)),
    );
  });

  test('JPEG and PNG pass C3; a file of exactly 10 MB passes C5 and one byte more does not', () => {
    expect(withArtwork({ format: 'jpeg' })).toEqual([]);
    expect(withArtwork({}, 10_000_000)).toEqual([]);
    expect(withArtwork({}, 10_000_001)).toEqual([
      finding('C5', 'artwork.sizeBytes', 'Artwork must be at most 10 MB'),
    ]);
  });

  test.each([
    [{ codec: 'mp3' as AudioFacts['codec'] }, 'A1', 'codec', 'Audio must be WAV (PCM) or FLAC'],
    [
      { bitDepth: 8 },
      'A2',
      'sampleRateHz',
      'Audio must be at least 16-bit and 44.1–192 kHz; it is 8-bit 44100 Hz',
    ],
    [
      { sampleRateHz: 44_099 },
      'A2',
      'sampleRateHz',
      'Audio must be at least 16-bit and 44.1–192 kHz; it is 16-bit 44099 Hz',
    ],
    [
      { bitDepth: 24, sampleRateHz: 192_001 },
      'A2',
      'sampleRateHz',
      'Audio must be at least 16-bit and 44.1–192 kHz; it is 24-bit 192001 Hz',
    ],
    [{ channels: 1 }, 'A3', 'channels', 'Audio must be stereo; it has 1 channel(s)'],
    [{ durationMs: 29_999 }, 'A6', 'durationMs', 'Audio must last at least 30 s'],
    [{ tagged: true }, 'A7', 'tagged', 'The audio carries embedded metadata tags; deliver it without them'],
  ])('audio %o → %s on the track that has it', (facts, rule, field, message) => {
    expect(withAudio(facts)).toEqual([finding(rule, `tracks.1.audio.${field}`, message)]);
  });

  test('WAV (PCM), 24-bit at 192 kHz and exactly 30 s all pass', () => {
    expect(withAudio({ codec: 'pcm', bitDepth: 24, sampleRateHz: 192_000, durationMs: 30_000 })).toEqual([]);
  });

  test('the stored analysis warnings (A4, A5) are reported at the track; other stored findings are not repeated', () => {
    const stored = [
      finding('A4', 'leadingSilenceMs', '12 s of silence at the start (at most 10 s)'),
      finding('A5', 'peakDbfs', 'The audio clips: its peaks reach 0 dBFS'),
      finding('A1', 'codec', 'Audio must be WAV (PCM) or FLAC'),
    ];
    expect(withAudio({}, stored)).toEqual([
      finding('A4', 'tracks.1.audio.leadingSilenceMs', '12 s of silence at the start (at most 10 s)'),
      finding('A5', 'tracks.1.audio.peakDbfs', 'The audio clips: its peaks reach 0 dBFS'),
    ]);
  });

  test('the analysis warns past 10 s of silence at either end and on clipping', () => {
    const quiet = { leadingSilenceMs: 10_000, trailingSilenceMs: 10_000, clipped: false, peakDbfs: -1 };
    expect(analysisFindings(quiet)).toEqual([]);
    expect(analysisFindings({ ...quiet, leadingSilenceMs: 12_500 }, 'x.')).toEqual([
      finding('A4', 'x.leadingSilenceMs', '12.5 s of silence at the start (at most 10 s)'),
    ]);
    expect(analysisFindings({ ...quiet, trailingSilenceMs: 10_001 })).toEqual([
      finding('A4', 'trailingSilenceMs', '10.001 s of silence at the end (at most 10 s)'),
    ]);
    expect(analysisFindings({ ...quiet, clipped: true, peakDbfs: 0 })).toEqual([
      finding('A5', 'peakDbfs', 'The audio clips: its peaks reach 0 dBFS'),
    ]);
  });

  test('the header checks name the bare field when no prefix is given', () => {
    expect(artworkFindings({ ...goodArtwork, colorSpace: 'Grayscale' }, 1).map((f) => f.field)).toEqual([
      'colorSpace',
    ]);
    expect(audioFindings({ ...goodAudio, channels: 6 }).map((f) => f.field)).toEqual(['channels']);
  });
});
