export type ArtworkType = 'image/png' | 'image/jpeg';
export type AudioType = 'audio/wav' | 'audio/flac';
export type MediaType = ArtworkType | AudioType;

export const artworkTypes: readonly ArtworkType[] = ['image/png', 'image/jpeg'];
export const audioTypes: readonly AudioType[] = ['audio/wav', 'audio/flac'];

/** Header spellings clients use for the same types. */
const aliases: Record<string, MediaType> = {
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'audio/wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/x-wav': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/flac': 'audio/flac',
  'audio/x-flac': 'audio/flac',
};

/** The declared `content-type` as one of ours, or null. */
export function declaredType(contentType: string | undefined): MediaType | null {
  const bare = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return aliases[bare] ?? null;
}

/** The type the file's magic bytes say, whatever the client declared; null for anything else. */
export function sniffType(head: Buffer): MediaType | null {
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a)
    return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (
    head.length >= 12 &&
    head.toString('latin1', 0, 4) === 'RIFF' &&
    head.toString('latin1', 8, 12) === 'WAVE'
  )
    return 'audio/wav';
  if (head.length >= 4 && head.toString('latin1', 0, 4) === 'fLaC') return 'audio/flac';
  return null;
}
