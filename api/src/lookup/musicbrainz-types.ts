/** The parts of MusicBrainz WS/2 JSON we read (DOMAIN.md §7). */
export interface MbArtistCredit {
  name: string;
}

export interface MbRecording {
  id: string;
  title: string;
  length?: number | null;
  'first-release-date'?: string;
  'artist-credit'?: MbArtistCredit[];
}

export interface MbRelease {
  id: string;
  title: string;
  date?: string;
  country?: string;
  'track-count'?: number;
  'artist-credit'?: MbArtistCredit[];
}

/** What the API answers (API.md, "Metadata lookup"). */
export interface IsrcLookup {
  isrc: string;
  recordings: Array<{
    mbid: string;
    title: string;
    lengthMs: number | null;
    firstReleaseDate: string | null;
    artists: string[];
  }>;
}

export interface BarcodeLookup {
  upc: string;
  releases: Array<{
    mbid: string;
    title: string;
    date: string | null;
    country: string | null;
    trackCount: number | null;
    artists: string[];
  }>;
}
