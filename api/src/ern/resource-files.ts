import type { ErnInput } from './types.ts';

export interface ResourceFile {
  assetId: string;
  /** Relative to the release folder, as written in the message's `File/URI`. */
  path: string;
  sha256: string;
  sizeBytes: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Where each binary of a release goes inside its release folder. The message names these paths and the
 * choreography uploads to them, so both read them from here.
 */
export function resourceFiles(input: Pick<ErnInput, 'release' | 'tracks' | 'artwork'>): {
  audio: ResourceFile[];
  artwork: ResourceFile;
} {
  const { upc } = input.release;
  return {
    audio: input.tracks.map((track) => ({
      assetId: track.audio.id,
      path: `resources/${upc}_${pad(track.discNumber, 2)}_${pad(track.trackNumber, 3)}.${track.audio.codec}`,
      sha256: track.audio.sha256,
      sizeBytes: track.audio.sizeBytes,
    })),
    artwork: {
      assetId: input.artwork.id,
      path: `resources/${upc}.${input.artwork.format === 'jpeg' ? 'jpg' : 'png'}`,
      sha256: input.artwork.sha256,
      sizeBytes: input.artwork.sizeBytes,
    },
  };
}
