import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/actor.ts';
import type { Orm } from '../db/database.ts';
import { violatedConstraint } from '../db/unique-violation.ts';
import type { Deps } from '../deps.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { keyset } from '../http/pagination.ts';
import { invalidField } from '../identifiers/invalid-field.ts';
import { normalizeIsrc } from '../identifiers/isrc.ts';
import { normalizeIswc } from '../identifiers/iswc.ts';
import { ensureVisible } from '../policy/authorize.ts';
import { ensureArtistsOfLabel } from '../releases/artist-references.ts';
import { findRelease, type TrackRow, withContributors } from '../releases/repository.ts';
import { ensureMutable, lockEditable } from '../releases/service.ts';
import { trackContributors, tracks } from '../releases/tables.ts';
import { trackView } from '../releases/views.ts';
import { closePlace, ensurePlace, openPlace } from './positions.ts';
import type { CreateTrackBody, ListTracksQuery, UpdateTrackBody } from './schema.ts';

/** Checks and canonicalises the identifiers of a body (400 before anything is looked up). */
function identifiers(body: { isrc?: string; iswc?: string | null }) {
  const result: { isrc?: string; iswc?: string | null } = {};
  if (body.isrc !== undefined) {
    const isrc = normalizeIsrc(body.isrc);
    if (!isrc) throw invalidField('isrc', 'must be CCXXXYYNNNNN, hyphens allowed only as CC-XXX-YY-NNNNN');
    result.isrc = isrc;
  }
  if (body.iswc !== undefined) {
    const iswc = body.iswc === null ? null : normalizeIswc(body.iswc);
    if (body.iswc !== null && !iswc)
      throw invalidField('iswc', 'must be T-DDD.DDD.DDD-C with a valid check digit');
    result.iswc = iswc;
  }
  return result;
}

/** Runs `work`; an ISRC already on another track of the release becomes 409 CONFLICT. */
async function guardingIsrc<T>(isrc: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isrc && violatedConstraint(error) === 'tracks_isrc_unique_in_release') {
      throw new ApiError('CONFLICT', `Another track of this release already has the ISRC ${isrc}`, {
        errors: [{ field: 'isrc', code: 'DUPLICATE', message: 'isrc is already used on this release' }],
      });
    }
    throw error;
  }
}

const contributorReferences = (contributors: Array<{ artistId: string }>) =>
  contributors.map(({ artistId }, index) => ({ field: `contributors.${index}.artistId`, artistId }));

async function replaceContributors(
  orm: Orm,
  trackId: string,
  contributors: Array<{ artistId: string; role: string }>,
) {
  await orm.delete(trackContributors).where(eq(trackContributors.trackId, trackId));
  await orm
    .insert(trackContributors)
    .values(contributors.map((contributor, position) => ({ trackId, position, ...contributor })));
}

async function findTrack(orm: Orm, releaseId: string, trackId: string): Promise<TrackRow> {
  const [row] = await orm
    .select()
    .from(tracks)
    .where(and(eq(tracks.id, trackId), eq(tracks.releaseId, releaseId)));
  if (!row) throw notFound('Track');
  return row;
}

async function viewOf(orm: Orm, row: TrackRow) {
  const [track] = await withContributors(orm, [row]);
  return trackView(track!);
}

export async function createTrack(deps: Deps, actor: Actor, releaseId: string, body: CreateTrackBody) {
  const checked = identifiers(body);
  return guardingIsrc(checked.isrc, () =>
    deps.db.orm.transaction(async (tx) => {
      const release = await lockEditable(tx, actor, releaseId);
      ensureMutable(release, 'tracks', true);
      await ensureArtistsOfLabel(tx, release.labelId, contributorReferences(body.contributors));
      const disc = body.discNumber ?? 1;
      await ensurePlace(tx, releaseId, disc, body.trackNumber, false);
      await openPlace(tx, releaseId, disc, body.trackNumber);
      const now = deps.clock.now();
      const [row] = await tx
        .insert(tracks)
        .values({
          id: uuidv7(),
          releaseId,
          title: body.title,
          version: body.version ?? null,
          isrc: checked.isrc!,
          discNumber: disc,
          trackNumber: body.trackNumber,
          parentalAdvisory: body.parentalAdvisory,
          language: body.language ?? null,
          instrumental: body.instrumental ?? false,
          iswc: checked.iswc ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await replaceContributors(tx, row!.id, body.contributors);
      return viewOf(tx, row!);
    }),
  );
}

export async function updateTrack(
  deps: Deps,
  actor: Actor,
  releaseId: string,
  trackId: string,
  body: UpdateTrackBody,
) {
  const checked = identifiers(body);
  return guardingIsrc(checked.isrc, () =>
    deps.db.orm.transaction(async (tx) => {
      const release = await lockEditable(tx, actor, releaseId);
      const track = await findTrack(tx, releaseId, trackId);
      const disc = body.discNumber ?? track.discNumber;
      const number = body.trackNumber ?? track.trackNumber;
      const moves = disc !== track.discNumber || number !== track.trackNumber;
      ensureMutable(release, 'isrc', checked.isrc !== undefined && checked.isrc !== track.isrc);
      ensureMutable(release, 'trackNumber', moves);
      if (body.contributors) {
        await ensureArtistsOfLabel(tx, release.labelId, contributorReferences(body.contributors));
        await replaceContributors(tx, trackId, body.contributors);
      }
      if (moves) {
        await ensurePlace(tx, releaseId, disc, number, disc === track.discNumber);
        await closePlace(tx, releaseId, track.discNumber, track.trackNumber, trackId);
        await openPlace(tx, releaseId, disc, number, trackId);
      }
      const [row] = await tx
        .update(tracks)
        .set({
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.version !== undefined ? { version: body.version } : {}),
          ...(body.parentalAdvisory !== undefined ? { parentalAdvisory: body.parentalAdvisory } : {}),
          ...(body.language !== undefined ? { language: body.language } : {}),
          ...(body.instrumental !== undefined ? { instrumental: body.instrumental } : {}),
          ...checked,
          discNumber: disc,
          trackNumber: number,
          updatedAt: deps.clock.now(),
        })
        .where(eq(tracks.id, trackId))
        .returning();
      return viewOf(tx, row!);
    }),
  );
}

export async function deleteTrack(
  deps: Deps,
  actor: Actor,
  releaseId: string,
  trackId: string,
): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const release = await lockEditable(tx, actor, releaseId);
    const track = await findTrack(tx, releaseId, trackId);
    ensureMutable(release, 'tracks', true);
    await tx.delete(tracks).where(eq(tracks.id, trackId));
    await closePlace(tx, releaseId, track.discNumber, track.trackNumber);
  });
}

export async function getTrack(deps: Deps, actor: Actor, releaseId: string, trackId: string) {
  ensureVisible(actor, 'release:read', await findRelease(deps.db.orm, releaseId), 'Release');
  return viewOf(deps.db.orm, await findTrack(deps.db.orm, releaseId, trackId));
}

/** Tracks page in disc and track order; the id only breaks ties that positions never leave. */
const byPosition = {
  id: tracks.id,
  fields: { position: [tracks.discNumber, tracks.trackNumber] },
  fallback: 'position',
} as const;

/** GET /v1/releases/{id}/tracks: in disc and track order, paged by position. */
export async function listTracks(deps: Deps, actor: Actor, releaseId: string, query: ListTracksQuery) {
  ensureVisible(actor, 'release:read', await findRelease(deps.db.orm, releaseId), 'Release');
  const page = keyset(byPosition, query);
  const rows = await deps.db.orm
    .select()
    .from(tracks)
    .where(and(eq(tracks.releaseId, releaseId), page.after))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const { items, nextCursor } = page.page(rows, (row) => [row.discNumber, row.trackNumber]);
  return { items: (await withContributors(deps.db.orm, items)).map(trackView), nextCursor };
}
