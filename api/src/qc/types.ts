import type { AudioFacts } from '../media/audio-facts.ts';
import type { ImageFacts } from '../media/image-facts.ts';

/** What the QC rules see: a release with its tracks and the names of the artists they credit. */
export interface QcRelease {
  title: string;
  version: string | null;
  releaseType: 'single' | 'ep' | 'album';
  upc: string;
  genre: string;
  language: string;
  parentalAdvisory: ParentalAdvisory;
  pLine: { year: number; owner: string };
  cLine: { year: number; owner: string };
  releaseDate: string;
  originalReleaseDate: string | null;
  primaryArtists: Array<{ id: string; name: string }>;
  tracks: QcTrack[];
  /** The uploaded front cover, null without one; absent when assets were not loaded (R2 then blocks). */
  artwork?: QcAsset<ImageFacts> | null;
}

/** What QC sees of an uploaded file: its header facts, size and the findings stored with it (A4/A5). */
export interface QcAsset<F> {
  facts: F;
  sizeBytes: number;
  status: 'analysing' | 'valid' | 'invalid';
  findings: Finding[];
}

export type ParentalAdvisory = 'explicit' | 'clean' | 'not_explicit';

export interface QcTrack {
  title: string;
  version: string | null;
  isrc: string;
  trackNumber: number;
  discNumber: number;
  parentalAdvisory: ParentalAdvisory;
  language: string | null;
  instrumental: boolean;
  /** Known once audio has been analysed (assets); null until then. */
  durationMs: number | null;
  contributors: Array<{ artistId: string; name: string; role: string }>;
  /** The uploaded audio, null without one; absent when assets were not loaded (R3 then blocks). */
  audio?: QcAsset<AudioFacts> | null;
}

export interface QcContext {
  /** The day the check runs (YYYY-MM-DD, UTC). */
  today: string;
  /** Lead time (days) a release date should leave after submission (rule M13). */
  leadTimeDays: number;
}

export interface Finding {
  rule: string;
  severity: 'block' | 'warn';
  /** Where the problem is, as a dotted path into the release (`tracks.0.isrc`). */
  field: string;
  message: string;
}

/** One rule of qc_rules.json: a pure function from a release to its findings (none when it passes). */
export interface QcRule {
  id: string;
  check(release: QcRelease, context: QcContext): Finding[];
}
