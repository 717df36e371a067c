import { imageSize } from 'image-size';
import { MediaError } from './media-error.ts';
import type { ArtworkType } from './media-type.ts';

export type ColorSpace = 'RGB' | 'CMYK' | 'Grayscale' | 'Palette';

export interface ImageFacts {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  colorSpace: ColorSpace;
}

/** API.md: an image declaring more than 100 megapixels is refused without decoding. */
export const MAX_PIXELS = 100_000_000;

const pngColour: Record<number, ColorSpace> = {
  0: 'Grayscale',
  2: 'RGB',
  3: 'Palette',
  4: 'Grayscale',
  6: 'RGB',
};

/** The component count of the first SOFn frame header, walking JPEG segments by their lengths. */
function jpegComponents(head: Buffer): number | null {
  let offset = 2;
  while (offset + 4 <= head.length) {
    if (head[offset] !== 0xff) return null;
    const marker = head[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = head.readUInt16BE(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return offset + 9 < head.length ? (head[offset + 9] ?? null) : null;
    offset += 2 + length;
  }
  return null;
}

function colorSpaceOf(type: ArtworkType, head: Buffer): ColorSpace {
  if (type === 'image/png') {
    const colour = pngColour[head[25] ?? -1];
    if (!colour) throw new MediaError('unreadable', 'the PNG header has an unknown colour type');
    return colour;
  }
  switch (jpegComponents(head)) {
    case 1:
      return 'Grayscale';
    case 3:
      return 'RGB';
    case 4:
      return 'CMYK';
    default:
      throw new MediaError('unreadable', 'the JPEG frame header could not be read');
  }
}

/** Width, height, format and colour space from the first bytes of an image; the pixels are never decoded. */
export function readImageFacts(type: ArtworkType, head: Buffer): ImageFacts {
  if (type === 'image/png' && (head.length < 33 || head.toString('latin1', 12, 16) !== 'IHDR')) {
    throw new MediaError('unreadable', 'the PNG header is truncated');
  }
  const colorSpace = colorSpaceOf(type, head);
  let size: { width?: number; height?: number };
  try {
    size = imageSize(head);
  } catch {
    throw new MediaError('unreadable', 'the image header could not be read (truncated or corrupt)');
  }
  const { width, height } = size;
  if (!width || !height) throw new MediaError('unreadable', 'the image header declares no size');
  if (width * height > MAX_PIXELS) {
    throw new MediaError(
      'refused',
      `the image declares ${width}×${height} pixels, more than ${MAX_PIXELS / 1e6} megapixels`,
    );
  }
  return { format: type === 'image/png' ? 'png' : 'jpeg', width, height, colorSpace };
}
