import type { ContributorRole, ParentalAdvisory, ReleaseType } from './types.ts';

/** Our API vocabularies mapped onto DDEX AVS values (allowed-value-sets.xsd). */

export const ddexReleaseType: Record<ReleaseType, string> = { single: 'Single', ep: 'EP', album: 'Album' };

export const ddexParentalWarning: Record<ParentalAdvisory, string> = {
  explicit: 'Explicit',
  clean: 'ExplicitContentEdited',
  not_explicit: 'NotExplicit',
};

export const ddexAudioCodec = { flac: 'FLAC', wav: 'PCM' } as const;

export const ddexImageCodec = { jpeg: 'JPEG', png: 'PNG' } as const;

/** Roles that make an artist a DisplayArtist; the others become a Contributor with this AVS role. */
export const ddexContributorRole: Record<
  Exclude<ContributorRole, 'MainArtist' | 'FeaturedArtist'>,
  string
> = {
  Remixer: 'Remixer',
  Composer: 'Composer',
  Lyricist: 'Lyricist',
  // AVS ContributorRole has no plain "Producer".
  Producer: 'StudioProducer',
};

/** An xs:duration such as `PT3M30S` (or `PT3M30.5S`) from milliseconds. */
export function isoDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms)) / 1000;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Number((totalSeconds % 60).toFixed(3));
  return `PT${hours ? `${hours}H` : ''}${hours || minutes ? `${minutes}M` : ''}${seconds}S`;
}

/** "A", "A & B", "A, B & C". */
export function joinArtistNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} & ${names.at(-1)}`;
}

/** A title and its version as one display string: `Title (Version)`. */
export const displayTitle = (title: string, version?: string | null): string =>
  version ? `${title} (${version})` : title;
