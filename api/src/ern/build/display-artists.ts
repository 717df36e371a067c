import type { ErnInput, ErnTrack } from '../types.ts';
import { joinArtistNames } from '../vocabulary.ts';

export interface DisplayArtist {
  artistId: string;
  role: 'MainArtist' | 'FeaturedArtist';
}

/** A track's main artists (its own, else the release's primary artists), then its featured artists. */
export function trackDisplayArtists(input: ErnInput, track: ErnTrack): DisplayArtist[] {
  const own = track.contributors.filter((c) => c.role === 'MainArtist').map((c) => c.artistId);
  const main = own.length > 0 ? own : input.primaryArtistIds;
  const featured = track.contributors.filter((c) => c.role === 'FeaturedArtist').map((c) => c.artistId);
  return [
    ...main.map((artistId) => ({ artistId, role: 'MainArtist' as const })),
    ...featured.map((artistId) => ({ artistId, role: 'FeaturedArtist' as const })),
  ];
}

/** "Main & Other feat. Guest". */
export function displayArtistName(input: ErnInput, artists: readonly DisplayArtist[]): string {
  const nameOf = (id: string) => input.artists.find((artist) => artist.id === id)?.name ?? id;
  const main = joinArtistNames(artists.filter((a) => a.role === 'MainArtist').map((a) => nameOf(a.artistId)));
  const featured = artists.filter((a) => a.role === 'FeaturedArtist').map((a) => nameOf(a.artistId));
  return featured.length > 0 ? `${main} feat. ${joinArtistNames(featured)}` : main;
}
