import { asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Orm } from '../db/database.ts';
import { preparedPer } from '../db/prepared.ts';
import type { ArtworkSummary as ArtworkSummarySchema } from './schema.ts';
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

/** A track as `json_build_object` gives it: timestamps as PostgreSQL's text, which the driver would parse. */
type TrackJson = Omit<TrackWithContributors, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

// Plain SQL with aliases: Drizzle leaves column names unqualified in a one-table select, so `"id"` in a
// correlated subquery would name the inner table's column, not the release's.
const tracksJson = sql.raw(`coalesce((
  select json_agg(json_build_object(
    'id', t.id, 'releaseId', t.release_id, 'title', t.title, 'version', t.version, 'isrc', t.isrc,
    'discNumber', t.disc_number, 'trackNumber', t.track_number, 'parentalAdvisory', t.parental_advisory,
    'language', t.language, 'instrumental', t.instrumental, 'iswc', t.iswc,
    'createdAt', t.created_at::text, 'updatedAt', t.updated_at::text,
    'contributors', coalesce((
      select json_agg(json_build_object('artistId', c.artist_id, 'role', c.role) order by c.position)
      from track_contributors c where c.track_id = t.id), '[]'::json)
  ) order by t.disc_number, t.track_number)
  from tracks t where t.release_id = releases.id), '[]'::json)`);

/** The release's artwork as a read of the release summarises it, or null before any upload. */
export type ArtworkSummary = Static<typeof ArtworkSummarySchema>;

// What PUT /v1/releases/{id}/artwork answers (API.md), and the asset's status. A release has at most one
// artwork (a partial unique index), so the subquery gives one row or none.
const artworkJson = sql.raw(`(
  select json_build_object('id', a.id, 'kind', a.kind, 'format', a.facts->'format', 'width', a.facts->'width',
    'height', a.facts->'height', 'colorSpace', a.facts->'colorSpace', 'sizeBytes', a.size_bytes,
    'sha256', a.sha256, 'status', a.status)
  from assets a where a.release_id = releases.id and a.kind = 'artwork')`);

const artworkOfReleaseById = preparedPer((orm) =>
  orm
    .select({ artwork: sql<ArtworkSummary | null>`${artworkJson}` })
    .from(releases)
    .where(eq(releases.id, sql.placeholder('id')))
    .prepare('release_artwork'),
);

export async function artworkOfRelease(orm: Orm, releaseId: string): Promise<ArtworkSummary | null> {
  const [row] = await artworkOfReleaseById(orm).execute({ id: releaseId });
  return row?.artwork ?? null;
}

/**
 * GET /v1/releases/{id} in one statement: the release, its primary artists in credit order, and its tracks
 * in disc and track order, each with its credits. One round trip instead of two: the socket writes and the
 * protocol messages of a query were the largest cost of a read once the statements were prepared.
 * Timestamps go through ::text, the very string the driver parses for a timestamptz column.
 */
const releaseWithTracksById = preparedPer((orm) =>
  orm
    .select({
      ...getTableColumns(releases),
      primaryArtistIds: sql<string[]>`coalesce((
        select array_agg(${releaseArtists.artistId}::text order by ${releaseArtists.position})
        from ${releaseArtists} where ${releaseArtists.releaseId} = ${releases.id}), '{}')`,
      tracks: sql<TrackJson[]>`${tracksJson}`,
      artwork: sql<ArtworkSummary | null>`${artworkJson}`,
    })
    .from(releases)
    .where(eq(releases.id, sql.placeholder('id')))
    .prepare('release_with_tracks_by_id'),
);

export async function findReleaseWithTracks(
  orm: Orm,
  id: string,
): Promise<
  | (ReleaseRow & {
      primaryArtistIds: string[];
      tracks: TrackWithContributors[];
      artwork: ArtworkSummary | null;
    })
  | undefined
> {
  const [row] = await releaseWithTracksById(orm).execute({ id });
  if (!row) return undefined;
  const withDates = row.tracks.map((track) => ({
    ...track,
    createdAt: new Date(track.createdAt),
    updatedAt: new Date(track.updatedAt),
  }));
  return { ...row, tracks: withDates };
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
