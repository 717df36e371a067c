/**
 * The input of the ERN 4.3 builder: one release with everything a message needs, as plain data. The
 * deliveries worker assembles it from the database; field names and vocabularies mirror API.md's release,
 * track, artist and asset resources so that the mapping is a copy, not a translation.
 */

export type ReleaseType = 'single' | 'ep' | 'album';
export type ParentalAdvisory = 'explicit' | 'clean' | 'not_explicit';
export type ContributorRole =
  | 'MainArtist'
  | 'FeaturedArtist'
  | 'Remixer'
  | 'Composer'
  | 'Lyricist'
  | 'Producer';

export type Territories = { mode: 'worldwide' } | { mode: 'include' | 'exclude'; codes: string[] };

export interface CopyrightLine {
  year: number;
  owner: string;
}

export interface ErnArtist {
  id: string;
  name: string;
  isni?: string | null;
  ipiNameNumber?: string | null;
}

export interface ErnLabel {
  id: string;
  name: string;
}

export interface ErnAudioAsset {
  id: string;
  codec: 'flac' | 'wav';
  sampleRateHz: number;
  bitDepth: number;
  channels: number;
  durationMs: number;
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the file, as computed at upload. */
  sha256: string;
}

export interface ErnArtworkAsset {
  id: string;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  sizeBytes: number;
  sha256: string;
}

export interface ErnTrack {
  id: string;
  title: string;
  version?: string | null;
  /** Canonical 12 characters, no hyphens. */
  isrc: string;
  discNumber: number;
  trackNumber: number;
  contributors: Array<{ artistId: string; role: ContributorRole }>;
  parentalAdvisory: ParentalAdvisory;
  language?: string | null;
  instrumental?: boolean;
  iswc?: string | null;
  pLine?: CopyrightLine | null;
  audio: ErnAudioAsset;
}

/** DDEX AVS CommercialModelType values we offer. */
export type CommercialModel =
  | 'SubscriptionModel'
  | 'AdvertisementSupportedModel'
  | 'PayAsYouGoModel'
  | 'FreeOfChargeModel';

/** DDEX AVS UseType values we offer. */
export type UseType = 'OnDemandStream' | 'NonInteractiveStream' | 'PermanentDownload' | 'ConditionalDownload';

export interface ErnDeal {
  commercialModel: CommercialModel;
  useTypes: UseType[];
  /** `YYYY-MM-DD`; defaults to the release date. */
  startDate?: string;
  /** `YYYY-MM-DD`; an end-dated deal is how a future takedown is announced. */
  endDate?: string | null;
}

export interface ErnRelease {
  id: string;
  title: string;
  version?: string | null;
  releaseType: ReleaseType;
  /** The stored 13-digit form (EAN-13 / ICPN). */
  upc: string;
  catalogNumber?: string | null;
  genre: string;
  language: string;
  parentalAdvisory: ParentalAdvisory;
  pLine: CopyrightLine;
  cLine: CopyrightLine;
  releaseDate: string;
  originalReleaseDate?: string | null;
  territories: Territories;
}

export interface ErnPartner {
  dpid: string;
  name: string;
}

/** Everything one message about one release to one partner needs. */
export interface ErnInput {
  release: ErnRelease;
  /** Ordered by discNumber, then trackNumber. */
  tracks: ErnTrack[];
  /** The release's primary artists, in display order. */
  primaryArtistIds: string[];
  /** Every artist referenced by the release or a track contributor. */
  artists: ErnArtist[];
  label: ErnLabel;
  artwork: ErnArtworkAsset;
  deals: ErnDeal[];
}

export type MessageKind = 'new' | 'update' | 'takedown' | 'purge';

export interface MessageMeta {
  kind: MessageKind;
  messageId: string;
  /** Stable per release and partner: every message about the release shares it. */
  messageThreadId: string;
  createdAt: Date;
  sender: ErnPartner;
  recipient: ErnPartner;
  /** `TestMessage` for test deliveries; defaults to `LiveMessage`. */
  test?: boolean;
}
