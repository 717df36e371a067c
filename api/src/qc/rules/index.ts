import type { QcRule } from '../types.ts';
import { assetQcRules } from './assets.ts';
import { m01OneArtistPerName } from './m01-one-artist-per-name.ts';
import { m02TitleStyle } from './m02-title-style.ts';
import { m03NoAdvisoryInTitle } from './m03-no-advisory-in-title.ts';
import { m04ExplicitRelease } from './m04-explicit-release.ts';
import { m05OneTrackTitle } from './m05-one-track-title.ts';
import { m06NoFormatInTitle } from './m06-no-format-in-title.ts';
import { m07CopyrightLines } from './m07-copyright-lines.ts';
import { m08OriginalReleaseDate } from './m08-original-release-date.ts';
import { m09TrackIsrcs } from './m09-track-isrcs.ts';
import { m10Upc } from './m10-upc.ts';
import { m11GenreAndLanguage } from './m11-genre-and-language.ts';
import { m12ReleaseType } from './m12-release-type.ts';
import { m13LeadTime } from './m13-lead-time.ts';
import { m14TrackLimit } from './m14-track-limit.ts';
import { r01HasTracks } from './r01-has-tracks.ts';
import { r02FrontCover } from './r02-front-cover.ts';
import { r03TrackAudio } from './r03-track-audio.ts';
import { r04MainArtists } from './r04-main-artists.ts';

/**
 * The machine-checkable rules of qc_rules.json, in report order. Asset rules (A*, C*) join this list from
 * the assets module; the completeness rules R2/R3 (artwork and audio present) live here with R1/R4.
 * C6/C7 are manual (the reviewer's job).
 */
export const qcRules: QcRule[] = [
  m01OneArtistPerName,
  m02TitleStyle,
  m03NoAdvisoryInTitle,
  m04ExplicitRelease,
  m05OneTrackTitle,
  m06NoFormatInTitle,
  m07CopyrightLines,
  m08OriginalReleaseDate,
  m09TrackIsrcs,
  m10Upc,
  m11GenreAndLanguage,
  m12ReleaseType,
  m13LeadTime,
  m14TrackLimit,
  r01HasTracks,
  r02FrontCover,
  r03TrackAudio,
  r04MainArtists,
  ...assetQcRules,
];
