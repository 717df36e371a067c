import { faker } from '@faker-js/faker';
import type { ReleaseWithTracks, Track as TrackSchema } from '@soundcheck/api/releases/schema.ts';
import { Factory } from 'fishery';
import type { Actor, ApiClient } from 'soundcheck/client/http-client.ts';
import type { Static } from 'typebox';
import { createArtist } from './artists.ts';
import { type AssetChoice, attachAssets } from './assets.ts';
import { expectStatus } from './expect-status.ts';
import { randomEan13, randomIsrc } from './identifiers.ts';

type ReleaseType = 'single' | 'ep' | 'album';
type Advisory = 'explicit' | 'clean' | 'not_explicit';

/** The body of `POST /v1/releases`. */
export interface ReleaseBody {
  labelId?: string;
  title: string;
  version?: string | null;
  releaseType: ReleaseType;
  upc: string;
  primaryArtistIds: string[];
  genre: string;
  language: string;
  parentalAdvisory: Advisory;
  pLine: { year: number; owner: string };
  cLine: { year: number; owner: string };
  releaseDate: string;
  originalReleaseDate?: string | null;
  territories: { mode: 'worldwide' } | { mode: 'include' | 'exclude'; codes: string[] };
}

/** The body of `POST /v1/releases/{id}/tracks`. */
export interface TrackBody {
  title: string;
  version?: string | null;
  isrc: string;
  trackNumber: number;
  discNumber?: number;
  contributors: Array<{ artistId: string; role: string }>;
  parentalAdvisory: Advisory;
  language?: string | null;
  instrumental?: boolean;
  iswc?: string | null;
}

/** A track as the API answers it. */
export type Track = Static<typeof TrackSchema>;

/** A release with its tracks, as the API answers it (GET /v1/releases/{id} and the workflow actions). */
export type Release = Static<typeof ReleaseWithTracks>;

/** A QC problem a release can be built with, named by the rule that catches it. */
export type QcProblem =
  | 'M4-explicit-track-on-clean-release'
  | 'M5-title-mismatch'
  | 'R1-no-tracks'
  | 'R2-no-artwork'
  | 'R3-no-audio';

/** R2/R3 problems upload the other kind of asset, so the named rule is the release's only finding. */
const assetsFor: Partial<Record<QcProblem, AssetChoice>> = {
  'R2-no-artwork': { artwork: null },
  'R3-no-audio': { audio: null },
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** Words QC rule M2 warns about in a title (promotional or redundant version text): a factory title has none. */
const m2Words = /\b(official|exclusive|free|download|available|original|mix|album|version)\b/i;

/** A random title of one to three words that passes QC (M2: faker's words include "official"). */
function title(): string {
  for (;;) {
    const words = faker.word.words({ count: { min: 1, max: 3 } });
    if (!m2Words.test(words)) return capitalised(words);
  }
}

function daysFromNow(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The dates of a release, all from its release date (and original release date, for a reissue): the
 * original release defaults to the release itself, ℗ is the year the recording first came out and © the
 * year of this release. An override of one date therefore cannot contradict the others (QC rules M7, M8).
 */
function releaseDates(
  releaseDate: string,
  originalReleaseDate: string | null = releaseDate,
): Pick<ReleaseBody, 'releaseDate' | 'originalReleaseDate'> & { pYear: number; cYear: number } {
  const yearOf = (date: string) => Number(date.slice(0, 4));
  return {
    releaseDate,
    originalReleaseDate,
    pYear: yearOf(originalReleaseDate ?? releaseDate),
    cYear: yearOf(releaseDate),
  };
}

/** A valid release body; the release date leaves QC's recommended lead time. Dates: `releaseDates`. */
export function releaseBody(primaryArtistIds: string[], overrides: Partial<ReleaseBody> = {}): ReleaseBody {
  const { pYear, cYear, ...dates } = releaseDates(
    overrides.releaseDate ?? daysFromNow(30),
    overrides.originalReleaseDate,
  );
  const owner = `${faker.company.name()} Records`;
  return {
    title: title(),
    releaseType: 'single',
    upc: randomEan13(),
    primaryArtistIds,
    genre: 'Pop',
    language: 'en',
    parentalAdvisory: 'not_explicit',
    pLine: { year: pYear, owner },
    cLine: { year: cYear, owner },
    ...dates,
    territories: { mode: 'worldwide' },
    ...overrides,
  };
}

/** A valid track body crediting `artistId` as MainArtist. */
export function trackBody(
  artistId: string,
  trackNumber: number,
  overrides: Partial<TrackBody> = {},
): TrackBody {
  return {
    title: title(),
    isrc: randomIsrc(),
    trackNumber,
    contributors: [{ artistId, role: 'MainArtist' }],
    parentalAdvisory: 'not_explicit',
    ...overrides,
  };
}

const trackCounts: Record<ReleaseType, number> = { single: 1, ep: 5, album: 8 };

/** The API client and acting user a release is created with: `releaseFactory.as(api, manager)`. */
interface Creator {
  api: ApiClient;
  actor: Actor & { labelId?: string | null };
}

/** Transient parameters: what the factory does around the body it builds. */
interface ReleaseTraits extends Creator {
  tracks: number;
  /** The first track is explicit, and so is the release (QC rule M4). */
  explicit: boolean;
  problem: QcProblem | null;
  /** Upload artwork and audio after the tracks (QC rules R2/R3 need them before a submit). */
  assets: boolean;
  artwork: AssetChoice['artwork'];
  audio: AssetChoice['audio'];
}

/** Traits return a new factory; `params` sets fields of the release body. */
export class ReleaseFactory extends Factory<ReleaseBody, ReleaseTraits, Release, Partial<ReleaseBody>> {
  /** Who creates the release through the API; `create()` needs it. */
  as(api: ApiClient, actor: Creator['actor']) {
    return this.transient({ api, actor });
  }
  single() {
    return this.params({ releaseType: 'single' }).transient({ tracks: trackCounts.single });
  }
  ep() {
    return this.params({ releaseType: 'ep' }).transient({ tracks: trackCounts.ep });
  }
  album({ tracks = trackCounts.album }: { tracks?: number } = {}) {
    return this.params({ releaseType: 'album' }).transient({ tracks });
  }
  explicit() {
    return this.transient({ explicit: true });
  }
  /** A release that fails QC submission with a blocking finding of the named rule. */
  invalidForQc(problem: QcProblem) {
    return this.transient({ problem });
  }
  /**
   * Uploads artwork and every track's audio through the API (`attachAssets`; valid small samples by
   * default), as a release must have them to be submitted. Choices given earlier are kept.
   */
  withAssets(choice: AssetChoice = {}) {
    return this.transient({ assets: true, ...choice });
  }
}

/**
 * Releases with tracks, created through the API:
 * `releaseFactory.album({ tracks: 12 }).explicit().as(api, manager).create()`. The body's dates all
 * derive from its release date (`releaseBody`). `create` makes an artist (unless `primaryArtistIds` is
 * given), the release and its tracks as the actor, then its assets when asked (`withAssets`, or an R2/R3
 * problem); `build` gives the body alone, with no artist.
 */
export const releaseFactory = ReleaseFactory.define(({ params, transientParams, onCreate }) => {
  const { api, actor, tracks = trackCounts.single, explicit = false, problem = null } = transientParams;
  const labelId = params.labelId ?? actor?.labelId ?? undefined;
  const advisory = explicit && problem !== 'M4-explicit-track-on-clean-release' ? 'explicit' : 'not_explicit';
  onCreate(async (body) => {
    if (!api || !actor) throw new Error('releaseFactory.create needs a creator: .as(api, actor)');
    const artistIds = body.primaryArtistIds.length
      ? body.primaryArtistIds
      : [(await createArtist(api, actor, labelId ? { labelId } : {})).id];
    const count = problem === 'R1-no-tracks' ? 0 : tracks;
    const explicitFirst = explicit || problem === 'M4-explicit-track-on-clean-release';
    const trackBodies = Array.from({ length: count }, (_, i) =>
      trackBody(artistIds[0]!, i + 1, explicitFirst && i === 0 ? { parentalAdvisory: 'explicit' } : {}),
    );
    // A one-track release carries its track's title (QC rule M5).
    if (count === 1 && problem !== 'M5-title-mismatch') trackBodies[0]!.title = body.title;
    const release = expectStatus(
      await api.as(actor).post<Release>('/v1/releases', { ...body, primaryArtistIds: artistIds }),
      201,
      'POST /v1/releases',
    );
    for (const track of trackBodies) {
      release.tracks.push(
        expectStatus(
          await api.as(actor).post<Track>(`/v1/releases/${release.id}/tracks`, track),
          201,
          'POST /v1/releases/{id}/tracks',
        ),
      );
    }
    const problemAssets = problem ? assetsFor[problem] : undefined;
    if (!transientParams.assets && !problemAssets) return release;
    const { artwork, audio } = transientParams;
    await attachAssets(api, actor, release, { artwork, audio, ...problemAssets });
    // The release as the API now shows it, assets included.
    return expectStatus(
      await api.as(actor).get<Release>(`/v1/releases/${release.id}`),
      200,
      'GET /v1/releases/{id}',
    );
  });
  return releaseBody([], {
    releaseType: 'single',
    parentalAdvisory: advisory,
    ...(labelId ? { labelId } : {}),
    ...params,
  });
});
