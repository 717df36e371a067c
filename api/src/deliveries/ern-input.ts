import { and, eq, inArray } from 'drizzle-orm';
import { artists } from '../artists/tables.ts';
import type { Orm } from '../db/database.ts';
import type { ErnDeal, ErnInput, ErnTrack } from '../ern/types.ts';
import { labels } from '../labels/tables.ts';
import type { AudioFacts } from '../media/audio-facts.ts';
import type { ImageFacts } from '../media/image-facts.ts';
import { primaryArtistIdsOf, type ReleaseRow, tracksOf } from '../releases/repository.ts';
import { assets } from '../releases/tables.ts';
import { releaseMetadata } from '../releases/views.ts';

/** Thrown when a release lacks what a message needs (artwork, audio): packaging fails with this reason. */
export class MissingResourceError extends Error {
  override name = 'MissingResourceError';
}

/**
 * The deals every release is offered under until deal profiles are configurable: streaming by subscription
 * and with ads, and download sales, from the release date, in the release's territories.
 */
function defaultDeals(releaseDate: string): ErnDeal[] {
  return [
    {
      commercialModel: 'SubscriptionModel',
      useTypes: ['OnDemandStream', 'NonInteractiveStream'],
      startDate: releaseDate,
    },
    { commercialModel: 'AdvertisementSupportedModel', useTypes: ['OnDemandStream'], startDate: releaseDate },
    { commercialModel: 'PayAsYouGoModel', useTypes: ['PermanentDownload'], startDate: releaseDate },
  ];
}

/** Everything one ERN message about `release` needs, read from the database as it stands now. */
export async function ernInputOf(orm: Orm, release: ReleaseRow): Promise<ErnInput> {
  const trackRows = await tracksOf(orm, release.id);
  const primaryArtistIds = (await primaryArtistIdsOf(orm, [release.id])).get(release.id) ?? [];
  const artistIds = [
    ...new Set([...primaryArtistIds, ...trackRows.flatMap((t) => t.contributors.map((c) => c.artistId))]),
  ];
  const artistRows = artistIds.length
    ? await orm.select().from(artists).where(inArray(artists.id, artistIds))
    : [];
  const [label] = await orm.select().from(labels).where(eq(labels.id, release.labelId));
  const assetRows = await orm.select().from(assets).where(eq(assets.releaseId, release.id));
  const artwork = assetRows.find((asset) => asset.kind === 'artwork');
  if (!artwork) throw new MissingResourceError('the release has no artwork');
  const tracks: ErnTrack[] = trackRows.map((track) => {
    const audio = assetRows.find((asset) => asset.kind === 'audio' && asset.trackId === track.id);
    if (!audio) throw new MissingResourceError(`track ${track.trackNumber} (${track.isrc}) has no audio`);
    const facts = audio.facts as AudioFacts;
    return {
      id: track.id,
      title: track.title,
      version: track.version,
      isrc: track.isrc,
      discNumber: track.discNumber,
      trackNumber: track.trackNumber,
      contributors: track.contributors as ErnTrack['contributors'],
      parentalAdvisory: track.parentalAdvisory,
      language: track.language,
      instrumental: track.instrumental,
      iswc: track.iswc,
      audio: {
        id: audio.id,
        codec: facts.codec === 'flac' ? 'flac' : 'wav',
        sampleRateHz: facts.sampleRateHz,
        bitDepth: facts.bitDepth,
        channels: facts.channels,
        durationMs: facts.durationMs,
        sizeBytes: audio.sizeBytes,
        sha256: audio.sha256,
      },
    };
  });
  const image = artwork.facts as ImageFacts;
  return {
    release: { id: release.id, ...releaseMetadata(release), territories: release.territories },
    tracks,
    primaryArtistIds,
    artists: artistRows.map((artist) => ({
      id: artist.id,
      name: artist.name,
      isni: artist.isni,
      ipiNameNumber: artist.ipiNameNumber,
    })),
    label: { id: release.labelId, name: label?.name ?? 'Unknown label' },
    artwork: {
      id: artwork.id,
      format: image.format,
      width: image.width,
      height: image.height,
      sizeBytes: artwork.sizeBytes,
      sha256: artwork.sha256,
    },
    deals: defaultDeals(release.releaseDate),
  };
}

/** Where each asset's bytes live in the object store. */
export async function storageKeysOf(orm: Orm, assetIds: string[]): Promise<Map<string, string>> {
  if (assetIds.length === 0) return new Map();
  const rows = await orm
    .select({ id: assets.id, storageKey: assets.storageKey })
    .from(assets)
    .where(and(inArray(assets.id, assetIds)));
  return new Map(rows.map((row) => [row.id, row.storageKey]));
}
