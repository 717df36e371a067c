import { describe, expect, test } from 'vitest';
import { type SampleName, sampleBytes } from '../../fixtures/sample-files.ts';

function crc(bytes: Uint8Array, width: 8 | 16, poly: number): number {
  const top = 1 << (width - 1);
  const mask = (1 << width) - 1;
  let value = 0;
  for (const byte of bytes) {
    value ^= byte << (width - 8);
    for (let i = 0; i < 8; i++) value = value & top ? ((value << 1) ^ poly) & mask : (value << 1) & mask;
  }
  return value;
}

const headerLength = (flac: Buffer, start: number) =>
  flac[start + 4]! < 0x80 ? 7 : flac[start + 4]! < 0xe0 ? 8 : 9;

function frameNumber(flac: Buffer, start: number): number {
  const first = flac[start + 4]!;
  if (first < 0x80) return first;
  if (first < 0xe0) return ((first & 0x1f) << 6) | (flac[start + 5]! & 0x3f);
  return ((first & 0x0f) << 12) | ((flac[start + 5]! & 0x3f) << 6) | (flac[start + 6]! & 0x3f);
}

/** Where frame `n` starts at or after `from`: sync code, a header whose CRC-8 holds, and number `n`. */
function findFrame(flac: Buffer, from: number, n: number): number {
  for (let i = from; i < flac.length - 8; i++) {
    if (flac[i] !== 0xff || flac[i + 1] !== 0xf8) continue;
    const length = headerLength(flac, i);
    if (crc(flac.subarray(i, i + length), 8, 0x07) === flac[i + length] && frameNumber(flac, i) === n)
      return i;
  }
  return -1;
}

/** Walks the frames of a generated FLAC in order, checking each frame's CRC-16 up to the next frame. */
function frames(flac: Buffer) {
  expect(flac.toString('latin1', 0, 4)).toBe('fLaC');
  const starts: number[] = [];
  for (let at = findFrame(flac, 42, 0); at >= 0; at = findFrame(flac, at + 1, starts.length)) starts.push(at);
  return starts.map((start, n) => {
    const end = starts[n + 1] ?? flac.length;
    return crc(flac.subarray(start, end - 2), 16, 0x8005) === flac.readUInt16BE(end - 2);
  });
}

describe('generated FLAC samples', { tags: ['unit', 'assets'] }, () => {
  test.each<[SampleName, number]>([
    ['valid-96000-24-stereo.flac', Math.ceil((3 * 96_000) / 4096)],
    ['steady-31s-44100-16-stereo.flac', Math.ceil((31 * 44_100) / 4096)],
  ])('%s has %d frames in sequence, every CRC correct', (name, count) => {
    const checked = frames(sampleBytes(name));
    expect(checked).toHaveLength(count);
    expect(checked.every(Boolean)).toBe(true);
  });
});
