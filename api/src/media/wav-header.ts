import { MediaError } from './media-error.ts';

export interface WavHeader {
  /** 1 = integer PCM, 3 = IEEE float, others are compressed formats. */
  audioFormat: number;
  channels: number;
  sampleRateHz: number;
  bitDepth: number;
  blockAlign: number;
  /** Where the samples start, and how many bytes the header says they take. */
  dataOffset: number;
  dataBytes: number;
  /** Whether a chunk before `data` carries metadata tags: `LIST`/`INFO`, or an embedded ID3 tag. */
  tagged: boolean;
}

const TAG_CHUNKS = new Set(['id3 ', 'ID3 ']);

const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/**
 * Walks the RIFF chunks up to `data`: the facts come from `fmt ` and the length from the `data` chunk's
 * declared size (music-metadata measures the bytes present instead, which a header-only read cannot).
 * Tags written after `data` are beyond a header read and go unseen (rule A7 is a warning).
 */
export function readWavHeader(head: Buffer): WavHeader {
  let offset = 12;
  let fmt: Omit<WavHeader, 'dataOffset' | 'dataBytes' | 'tagged'> | null = null;
  let tagged = false;
  while (offset + 8 <= head.length) {
    const id = head.toString('latin1', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > head.length) break;
      let audioFormat = head.readUInt16LE(body);
      if (audioFormat === WAVE_FORMAT_EXTENSIBLE && body + 26 <= head.length)
        audioFormat = head.readUInt16LE(body + 24);
      fmt = {
        audioFormat,
        channels: head.readUInt16LE(body + 2),
        sampleRateHz: head.readUInt32LE(body + 4),
        blockAlign: head.readUInt16LE(body + 12),
        bitDepth: head.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt) break;
      return { ...fmt, dataOffset: body, dataBytes: size, tagged };
    } else if (TAG_CHUNKS.has(id) || (id === 'LIST' && head.toString('latin1', body, body + 4) === 'INFO')) {
      tagged = true;
    }
    offset = body + size + (size % 2);
  }
  throw new MediaError(
    'unreadable',
    'the WAV header could not be read (no fmt and data chunks at its start)',
  );
}
