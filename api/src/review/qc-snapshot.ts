import { inArray } from 'drizzle-orm';
import { artists } from '../artists/tables.ts';
import { withAssets } from '../assets/qc-assets.ts';
import type { Orm } from '../db/database.ts';
import type { QcContext, QcRelease } from '../qc/types.ts';
import { primaryArtistIdsOf, type ReleaseRow, tracksOf } from '../releases/repository.ts';
import { releaseMetadata } from '../releases/views.ts';

/** Lead time (days) that rule M13 recommends before the release date; partners have their own (distribute checks it). */
export const recommendedLeadTimeDays = 7;

export const qcContextAt = (now: Date): QcContext => ({
  today: now.toISOString().slice(0, 10),
  leadTimeDays: recommendedLeadTimeDays,
});

/** Everything the QC rules look at, read in the caller's transaction so a submit judges what it locks. */
export async function qcSnapshot(orm: Orm, row: ReleaseRow): Promise<QcRelease> {
  const primaryIds = (await primaryArtistIdsOf(orm, [row.id])).get(row.id) ?? [];
  const tracks = await tracksOf(orm, row.id);
  const artistIds = [
    ...new Set([...primaryIds, ...tracks.flatMap((t) => t.contributors.map((c) => c.artistId))]),
  ];
  const names = new Map(
    artistIds.length === 0
      ? []
      : (
          await orm
            .select({ id: artists.id, name: artists.name })
            .from(artists)
            .where(inArray(artists.id, artistIds))
        ).map((artist) => [artist.id, artist.name]),
  );
  const snapshot: QcRelease = {
    ...releaseMetadata(row),
    primaryArtists: primaryIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    tracks: tracks.map((track) => ({
      title: track.title,
      version: track.version,
      isrc: track.isrc,
      trackNumber: track.trackNumber,
      discNumber: track.discNumber,
      parentalAdvisory: track.parentalAdvisory,
      language: track.language,
      instrumental: track.instrumental,
      // Durations come from analysed audio: assets/qc-assets.ts fills them in when the assets are loaded.
      durationMs: null,
      contributors: track.contributors.map((c) => ({ ...c, name: names.get(c.artistId) ?? '' })),
    })),
  };
  // Artwork, audio and the durations read from it (assets module).
  return withAssets(
    orm,
    row.id,
    snapshot,
    tracks.map((track) => track.id),
  );
}
