import { Readable } from 'node:stream';
import { readAudioFacts } from '@soundcheck/api/media/audio-facts.ts';
import { readImageFacts } from '@soundcheck/api/media/image-facts.ts';
import { type MediaType, sniffType } from '@soundcheck/api/media/media-type.ts';
import { analysePcm } from '@soundcheck/api/media/pcm-analysis.ts';
import { readWavHeader } from '@soundcheck/api/media/wav-header.ts';
import { describe, expect, test } from 'vitest';
import { type SampleName, sampleBytes } from '../../fixtures/sample-files.ts';

/** Only the first 64 KiB, as the upload reads them: facts must come from headers alone. */
const head = (name: SampleName) => sampleBytes(name).subarray(0, 64 * 1024);

async function facts(name: SampleName) {
  const type = sniffType(head(name));
  if (type === 'audio/wav' || type === 'audio/flac')
    return { type, ...(await readAudioFacts(type, head(name))) };
  if (type === 'image/png' || type === 'image/jpeg') return { type, ...readImageFacts(type, head(name)) };
  return { type };
}

describe('media facts from headers', { tags: ['unit', 'assets'] }, () => {
  test.each<[SampleName, object]>([
    [
      'valid-44100-16-stereo.wav',
      {
        type: 'audio/wav',
        codec: 'pcm',
        sampleRateHz: 44_100,
        bitDepth: 16,
        channels: 2,
        durationMs: 31_000,
        tagged: false,
      },
    ],
    [
      'valid-48000-24-stereo.wav',
      {
        type: 'audio/wav',
        codec: 'pcm',
        sampleRateHz: 48_000,
        bitDepth: 24,
        channels: 2,
        durationMs: 31_000,
        tagged: false,
      },
    ],
    [
      'mono-44100-16.wav',
      {
        type: 'audio/wav',
        codec: 'pcm',
        sampleRateHz: 44_100,
        bitDepth: 16,
        channels: 1,
        durationMs: 2000,
        tagged: false,
      },
    ],
    [
      'tagged-44100-16-stereo.wav',
      {
        type: 'audio/wav',
        codec: 'pcm',
        sampleRateHz: 44_100,
        bitDepth: 16,
        channels: 2,
        durationMs: 2000,
        tagged: true,
      },
    ],
    [
      'valid-96000-24-stereo.flac',
      {
        type: 'audio/flac',
        codec: 'flac',
        sampleRateHz: 96_000,
        bitDepth: 24,
        channels: 2,
        durationMs: 3000,
        tagged: false,
      },
    ],
    [
      'valid-44100-16-stereo.flac',
      {
        type: 'audio/flac',
        codec: 'flac',
        sampleRateHz: 44_100,
        bitDepth: 16,
        channels: 2,
        durationMs: 31_000,
        tagged: false,
      },
    ],
    ['artwork-3000.png', { type: 'image/png', format: 'png', width: 3000, height: 3000, colorSpace: 'RGB' }],
    [
      'artwork-3000.jpg',
      { type: 'image/jpeg', format: 'jpeg', width: 3000, height: 3000, colorSpace: 'RGB' },
    ],
    [
      'artwork-3000x2000.jpg',
      { type: 'image/jpeg', format: 'jpeg', width: 3000, height: 2000, colorSpace: 'RGB' },
    ],
    [
      'artwork-3000-cmyk.jpg',
      { type: 'image/jpeg', format: 'jpeg', width: 3000, height: 3000, colorSpace: 'CMYK' },
    ],
  ])('%s', async (name, expected) => {
    expect(await facts(name)).toEqual(expected);
  });
});

describe('hostile files', { tags: ['unit', 'assets', 'security'] }, () => {
  test.each<[SampleName, MediaType | null]>([
    ['png-named.jpg', 'image/png'],
    ['text-named.wav', null],
    ['id3-mp3-named.wav', null],
  ])('%s is typed by its magic bytes as %s', (name, type) => {
    expect(sniffType(head(name))).toBe(type);
  });

  test.each<[SampleName, string, string]>([
    ['bomb-65535.png', 'refused', 'the image declares 65535×65535 pixels, more than 100 megapixels'],
    ['absurd-length.wav', 'refused', 'the audio header declares 149 hours of audio'],
    ['truncated.png', 'unreadable', 'the PNG header is truncated'],
    [
      'truncated-header.wav',
      'unreadable',
      'the WAV header could not be read (no fmt and data chunks at its start)',
    ],
    ['truncated.flac', 'unreadable', 'the FLAC header lacks its sample rate, bit depth, channels or length'],
  ])('%s is %s without decoding', async (name, kind, message) => {
    await expect(facts(name)).rejects.toMatchObject({ name: 'MediaError', kind, message });
  });
});

describe('PCM analysis', { tags: ['unit', 'assets'] }, () => {
  const analyse = (name: SampleName) => {
    const bytes = sampleBytes(name);
    // Small chunks so frames straddle chunk boundaries, as they do on a real stream.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4099) }, (_, i) =>
      bytes.subarray(i * 4099, (i + 1) * 4099),
    );
    return analysePcm(Readable.from(chunks), readWavHeader(bytes.subarray(0, 64)));
  };

  test('a clean tone has no silence and no clipping', async () => {
    expect(await analyse('valid-44100-16-stereo.wav')).toEqual({
      leadingSilenceMs: 0,
      trailingSilenceMs: 0,
      clipped: false,
      peakDbfs: -6.02,
    });
  });

  test('measures leading silence', async () => {
    expect(await analyse('leading-silence-44100-16-stereo.wav')).toMatchObject({
      leadingSilenceMs: 11_000,
      clipped: false,
    });
  });

  test('detects full-scale peaks as clipping', async () => {
    expect(await analyse('clipped-44100-16-stereo.wav')).toMatchObject({ clipped: true, peakDbfs: 0 });
  });
});
