import { parseBuffer } from 'music-metadata';
import { MediaError } from './media-error.ts';
import type { AudioType } from './media-type.ts';
import { readWavHeader } from './wav-header.ts';

export interface AudioFacts {
  codec: 'pcm' | 'flac';
  sampleRateHz: number;
  bitDepth: number;
  channels: number;
  durationMs: number;
  /** Embedded metadata tags (ID3, RIFF INFO, Vorbis comments): QC rule A7. Absent in facts stored before it. */
  tagged?: boolean;
}

/** No release track is longer than this; a header declaring more is refused rather than trusted. */
export const MAX_DURATION_MS = 6 * 3600 * 1000;

function wavFacts(head: Buffer): AudioFacts {
  const header = readWavHeader(head);
  if (header.audioFormat !== 1)
    throw new MediaError('unreadable', `the WAV file is not integer PCM (format ${header.audioFormat})`);
  if (!header.sampleRateHz || !header.channels || !header.bitDepth || !header.blockAlign) {
    throw new MediaError('unreadable', 'the WAV header declares a zero rate, depth or channel count');
  }
  return {
    codec: 'pcm',
    sampleRateHz: header.sampleRateHz,
    bitDepth: header.bitDepth,
    channels: header.channels,
    durationMs: Math.round((header.dataBytes / header.blockAlign / header.sampleRateHz) * 1000),
    tagged: header.tagged,
  };
}

async function flacFacts(head: Buffer): Promise<AudioFacts> {
  let format: Awaited<ReturnType<typeof parseBuffer>>['format'];
  let native: Awaited<ReturnType<typeof parseBuffer>>['native'];
  try {
    ({ format, native } = await parseBuffer(
      head,
      { mimeType: 'audio/flac' },
      { duration: false, skipCovers: true },
    ));
  } catch {
    throw new MediaError('unreadable', 'the FLAC header could not be read (truncated or corrupt)');
  }
  const { sampleRate, bitsPerSample, numberOfChannels, duration } = format;
  if (!sampleRate || !bitsPerSample || !numberOfChannels || !duration) {
    throw new MediaError(
      'unreadable',
      'the FLAC header lacks its sample rate, bit depth, channels or length',
    );
  }
  return {
    codec: 'flac',
    sampleRateHz: sampleRate,
    bitDepth: bitsPerSample,
    channels: numberOfChannels,
    durationMs: Math.round(duration * 1000),
    // Vorbis comments (the encoder's vendor string is not a tag) or an ID3 block.
    tagged: Object.values(native).some((tags) => tags.length > 0),
  };
}

/** Codec, rate, depth, channels and duration from the header bytes of a WAV or FLAC file (not the samples). */
export async function readAudioFacts(type: AudioType, head: Buffer): Promise<AudioFacts> {
  const facts = type === 'audio/wav' ? wavFacts(head) : await flacFacts(head);
  if (facts.durationMs > MAX_DURATION_MS) {
    throw new MediaError(
      'refused',
      `the audio header declares ${Math.round(facts.durationMs / 3_600_000)} hours of audio`,
    );
  }
  return facts;
}
