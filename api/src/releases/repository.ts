import { asc, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import { trackContributors, tracks } from '../tracks/tables.ts';
import { releaseArtists, releases } from './tables.ts';

export type ReleaseRow = typeof releases.$inferSelect;
export type TrackRow = typeof tracks.$inferSelect;
export type ContributorRow = { artistId: string; role: string };
export type TrackWithContributors = TrackRow & { contributors: ContributorRow[] };

/**
 * Reads a release; with `lock`, takes its row lock (SELECT … FOR UPDATE) so that the caller's checks and
 * writes see no concurrent transition or edit until its transaction ends.
 */
export async function findRelease(orm: Orm, id: string, lock = false): Promise<ReleaseRow | undefined> {
  const query = orm.select().from(releases).where(eq(releases.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function primaryArtistIdsOf(orm: Orm, releaseIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(releaseIds.map((id) => [id, []]));
  if (releaseIds.length === 0) return result;
  const rows = await orm
    .select()
    .from(releaseArtists)
    .where(inArray(releaseArtists.releaseId, releaseIds))
    .orderBy(asc(releaseArtists.releaseId), asc(releaseArtists.position));
  for (const row of rows) result.get(row.releaseId)?.push(row.artistId);
  return result;
}

export async function replacePrimaryArtists(orm: Orm, releaseId: string, artistIds: string[]): Promise<void> {
  await orm.delete(releaseArtists).where(eq(releaseArtists.releaseId, releaseId));
  await orm
    .insert(releaseArtists)
    .values(artistIds.map((artistId, position) => ({ releaseId, position, artistId })));
}

/** The tracks of a release in disc and track order, with their contributors in credit order. */
export async function tracksOf(orm: Orm, releaseId: string): Promise<TrackWithContributors[]> {
  const rows = await orm
    .select()
    .from(tracks)
    .where(eq(tracks.releaseId, releaseId))
    .orderBy(asc(tracks.discNumber), asc(tracks.trackNumber));
  return withContributors(orm, rows);
}

export async function withContributors(orm: Orm, rows: TrackRow[]): Promise<TrackWithContributors[]> {
  if (rows.length === 0) return [];
  const credits = await orm
    .select()
    .from(trackContributors)
    .where(
      inArray(
        trackContributors.trackId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(trackContributors.trackId), asc(trackContributors.position));
  return rows.map((row) => ({
    ...row,
    contributors: credits
      .filter((credit) => credit.trackId === row.id)
      .map(({ artistId, role }) => ({ artistId, role })),
  }));
}
