import { asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import { preparedPer } from '../db/prepared.ts';
import { releaseArtists, releases, trackContributors, tracks } from './tables.ts';

export type ReleaseRow = typeof releases.$inferSelect;
export type TrackRow = typeof tracks.$inferSelect;
export type ContributorRow = { artistId: string; role: string };
export type TrackWithContributors = TrackRow & { contributors: ContributorRow[] };

/**
 * Reads a release; with `lock`, takes its row lock (SELECT … FOR UPDATE) so that the caller's checks and
 * writes see no concurrent transition or edit until its transaction ends.
 */
export async function findRelease(orm: Orm, id: string, lock = false): Promise<ReleaseRow | undefined> {
  const [row] = lock
    ? await orm.select().from(releases).where(eq(releases.id, id)).for('update')
    : await releaseById(orm).execute({ id });
  return row;
}

// The reads of every GET of a release, built once (see preparedPer).
const releaseById = preparedPer((orm) =>
  orm
    .select()
    .from(releases)
    .where(eq(releases.id, sql.placeholder('id')))
    .prepare('release_by_id'),
);

/** The release with its primary artists in credit order, in one statement (GET /v1/releases/{id}). */
const releaseWithArtistsById = preparedPer((orm) =>
  orm
    .select({
      ...getTableColumns(releases),
      primaryArtistIds: sql<string[]>`coalesce((
        select array_agg(${releaseArtists.artistId}::text order by ${releaseArtists.position})
        from ${releaseArtists} where ${releaseArtists.releaseId} = ${releases.id}), '{}')`,
    })
    .from(releases)
    .where(eq(releases.id, sql.placeholder('id')))
    .prepare('release_with_artists_by_id'),
);

export async function findReleaseWithArtists(
  orm: Orm,
  id: string,
): Promise<(ReleaseRow & { primaryArtistIds: string[] }) | undefined> {
  const [row] = await releaseWithArtistsById(orm).execute({ id });
  return row;
}

const primaryArtistsOfRelease = preparedPer((orm) =>
  orm
    .select({ artistId: releaseArtists.artistId })
    .from(releaseArtists)
    .where(eq(releaseArtists.releaseId, sql.placeholder('id')))
    .orderBy(asc(releaseArtists.position))
    .prepare('release_primary_artists'),
);

/** A release's tracks, each with its credits in order (JSON built by PostgreSQL: one statement, not two). */
const tracksOfRelease = preparedPer((orm) =>
  orm
    .select({
      ...getTableColumns(tracks),
      contributors: sql<ContributorRow[]>`coalesce((
        select json_agg(json_build_object('artistId', ${trackContributors.artistId}, 'role', ${trackContributors.role})
          order by ${trackContributors.position})
        from ${trackContributors} where ${trackContributors.trackId} = ${tracks.id}), '[]'::json)`,
    })
    .from(tracks)
    .where(eq(tracks.releaseId, sql.placeholder('id')))
    .orderBy(asc(tracks.discNumber), asc(tracks.trackNumber))
    .prepare('release_tracks'),
);

const creditsOfTracks = preparedPer((orm) =>
  orm
    .select()
    .from(trackContributors)
    .where(sql`${trackContributors.trackId} = any(${sql.placeholder('ids')}::uuid[])`)
    .orderBy(asc(trackContributors.trackId), asc(trackContributors.position))
    .prepare('track_credits'),
);

/** The primary artists of one release, in credit order. */
export async function primaryArtistIdsOfRelease(orm: Orm, releaseId: string): Promise<string[]> {
  const rows = await primaryArtistsOfRelease(orm).execute({ id: releaseId });
  return rows.map((row) => row.artistId);
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
export function tracksOf(orm: Orm, releaseId: string): Promise<TrackWithContributors[]> {
  return tracksOfRelease(orm).execute({ id: releaseId });
}

export async function withContributors(orm: Orm, rows: TrackRow[]): Promise<TrackWithContributors[]> {
  if (rows.length === 0) return [];
  const credits = await creditsOfTracks(orm).execute({ ids: rows.map((row) => row.id) });
  const byTrack = new Map<string, ContributorRow[]>(rows.map((row) => [row.id, []]));
  for (const { trackId, artistId, role } of credits) byTrack.get(trackId)?.push({ artistId, role });
  return rows.map((row) => ({ ...row, contributors: byTrack.get(row.id) ?? [] }));
}
