import { and, eq, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/actor.ts';
import { containing } from '../db/containing.ts';
import type { Orm } from '../db/database.ts';
import { violatedConstraint } from '../db/unique-violation.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { keyset } from '../http/pagination.ts';
import { normalizeUpc } from '../identifiers/gtin.ts';
import { invalidField } from '../identifiers/invalid-field.ts';
import { owningLabel } from '../labels/owning-label.ts';
import { authorize, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import { initialReleaseState, isEditable } from '../workflow/release-workflow.ts';
import { ensureArtistsOfLabel } from './artist-references.ts';
import { recordEvent } from './history.ts';
import {
  artworkOfRelease,
  findRelease,
  findReleaseWithTracks,
  primaryArtistIdsOf,
  primaryArtistIdsOfRelease,
  type ReleaseRow,
  replacePrimaryArtists,
  tracksOf,
} from './repository.ts';
import type { CreateReleaseBody, ListReleasesQuery, UpdateReleaseBody } from './schema.ts';
import { releases } from './tables.ts';
import { releaseView, trackView } from './views.ts';

function checkedUpc(upc: string): string {
  const normalized = normalizeUpc(upc);
  if (!normalized)
    throw invalidField('upc', 'must be a UPC-A (12 digits) or EAN-13 (13) with a valid check digit');
  return normalized;
}

const upcTaken = (upc: string) =>
  new ApiError(
    'CONFLICT',
    `The barcode ${upc} already belongs to another release; each release needs its own UPC`,
    {
      errors: [{ field: 'upc', code: 'DUPLICATE', message: 'upc is already used by another release' }],
    },
  );

/** Runs `work`; a duplicate UPC (the unique index on the 13-digit form decides) becomes 409 CONFLICT. */
async function guardingUpc<T>(upc: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (upc && violatedConstraint(error) === 'releases_upc_unique') throw upcTaken(upc);
    throw error;
  }
}

function columnsOf(body: UpdateReleaseBody, upc: string | undefined) {
  return {
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.version !== undefined ? { version: body.version } : {}),
    ...(body.releaseType !== undefined ? { releaseType: body.releaseType } : {}),
    ...(upc !== undefined ? { upc } : {}),
    ...(body.genre !== undefined ? { genre: body.genre } : {}),
    ...(body.language !== undefined ? { language: body.language } : {}),
    ...(body.parentalAdvisory !== undefined ? { parentalAdvisory: body.parentalAdvisory } : {}),
    ...(body.pLine ? { pLineYear: body.pLine.year, pLineOwner: body.pLine.owner } : {}),
    ...(body.cLine ? { cLineYear: body.cLine.year, cLineOwner: body.cLine.owner } : {}),
    ...(body.releaseDate !== undefined ? { releaseDate: body.releaseDate } : {}),
    ...(body.originalReleaseDate !== undefined ? { originalReleaseDate: body.originalReleaseDate } : {}),
    ...(body.territories !== undefined ? { territories: body.territories } : {}),
  };
}

const artistReferences = (ids: string[]) =>
  ids.map((artistId, index) => ({ field: `primaryArtistIds.${index}`, artistId }));

/** The whole release as GET /v1/releases/{id} and the workflow actions answer it. */
export async function fullRelease(orm: Orm, row: ReleaseRow) {
  // One after the other: inside a transaction the statements share one connection anyway.
  const artistIds = await primaryArtistIdsOfRelease(orm, row.id);
  const tracks = await tracksOf(orm, row.id);
  const artwork = await artworkOfRelease(orm, row.id);
  return { ...releaseView(row, artistIds), tracks: tracks.map(trackView), artwork };
}

export async function createRelease(deps: Deps, actor: Actor, body: CreateReleaseBody) {
  const upc = checkedUpc(body.upc);
  const labelId = await owningLabel(deps, actor, body.labelId, 'release:create');
  await ensureArtistsOfLabel(deps.db.orm, labelId, artistReferences(body.primaryArtistIds));
  const now = deps.clock.now();
  return guardingUpc(upc, () =>
    deps.db.orm.transaction(async (tx) => {
      const [row] = await tx
        .insert(releases)
        .values({
          id: uuidv7(),
          labelId,
          createdBy: actor.id,
          state: initialReleaseState,
          releaseType: body.releaseType,
          title: body.title,
          upc,
          genre: body.genre,
          language: body.language,
          parentalAdvisory: body.parentalAdvisory,
          pLineYear: body.pLine.year,
          pLineOwner: body.pLine.owner,
          cLineYear: body.cLine.year,
          cLineOwner: body.cLine.owner,
          releaseDate: body.releaseDate,
          territories: body.territories,
          version: body.version ?? null,
          originalReleaseDate: body.originalReleaseDate ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await replacePrimaryArtists(tx, row!.id, body.primaryArtistIds);
      await recordEvent(
        tx,
        { releaseId: row!.id, actorId: actor.id, action: 'create', from: null, to: row!.state },
        now,
      );
      return fullRelease(tx, row!);
    }),
  );
}

export async function getRelease(deps: Deps, actor: Actor, id: string) {
  const found = await findReleaseWithTracks(deps.db.orm, id);
  const row = ensureVisible(actor, 'release:read', found, 'Release');
  return {
    ...releaseView(row, row.primaryArtistIds),
    tracks: row.tracks.map(trackView),
    artwork: row.artwork,
  };
}

/**
 * Locks a release for a change of its content (release fields or tracks): visible (404), the role may
 * edit it (403), and it is in an editable state (409 INVALID_TRANSITION).
 */
export async function lockEditable(orm: Orm, actor: Actor, id: string): Promise<ReleaseRow> {
  const row = ensureVisible(actor, 'release:read', await findRelease(orm, id, true), 'Release');
  authorize(actor, 'release:update', row);
  if (!isEditable(row.state)) {
    throw new ApiError(
      'INVALID_TRANSITION',
      `The release is ${row.state}; it can be changed only in draft or changes_requested`,
    );
  }
  return row;
}

/** 409 IMMUTABLE_FIELD once the release has been delivered anywhere and `field` would change. */
export function ensureMutable(row: ReleaseRow, field: string, changes: boolean): void {
  if (row.firstDeliveredAt && changes) {
    throw new ApiError('IMMUTABLE_FIELD', `${field} cannot change after the release has been delivered`, {
      errors: [{ field, code: 'IMMUTABLE', message: `${field} is frozen since the first delivery` }],
    });
  }
}

export async function updateRelease(deps: Deps, actor: Actor, id: string, body: UpdateReleaseBody) {
  const upc = body.upc === undefined ? undefined : checkedUpc(body.upc);
  return guardingUpc(upc, () =>
    deps.db.orm.transaction(async (tx) => {
      const row = await lockEditable(tx, actor, id);
      ensureMutable(row, 'upc', upc !== undefined && upc !== row.upc);
      ensureMutable(
        row,
        'releaseType',
        body.releaseType !== undefined && body.releaseType !== row.releaseType,
      );
      if (body.primaryArtistIds) {
        await ensureArtistsOfLabel(tx, row.labelId, artistReferences(body.primaryArtistIds));
        await replacePrimaryArtists(tx, id, body.primaryArtistIds);
      }
      const [updated] = await tx
        .update(releases)
        .set({ ...columnsOf(body, upc), updatedAt: deps.clock.now() })
        .where(eq(releases.id, id))
        .returning();
      return fullRelease(tx, updated!);
    }),
  );
}

export async function deleteRelease(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.orm.transaction(async (tx) => {
    const row = ensureVisible(actor, 'release:read', await findRelease(tx, id, true), 'Release');
    authorize(actor, 'release:update', row);
    if (row.state !== 'draft') {
      throw new ApiError(
        'INVALID_TRANSITION',
        `The release is ${row.state}; only a draft can be deleted (archive it instead)`,
      );
    }
    await tx.delete(releases).where(eq(releases.id, id));
  });
}

const sorting = {
  id: releases.id,
  fields: { createdAt: releases.id, releaseDate: releases.releaseDate, title: releases.title },
  fallback: 'createdAt',
};

export async function listReleases(deps: Deps, actor: Actor, query: ListReleasesQuery) {
  const page = keyset(sorting, query);
  const filters: Array<SQL | undefined> = [
    visibleWhere(visibilityFilters(actor, 'release:read'), {
      labelId: releases.labelId,
      createdBy: releases.createdBy,
      id: releases.id,
    }),
    page.after,
  ];
  if (query.state) filters.push(eq(releases.state, query.state));
  if (query.labelId) filters.push(eq(releases.labelId, query.labelId));
  if (query.q) filters.push(containing(releases.title, query.q));
  const rows = await deps.db.orm
    .select()
    .from(releases)
    .where(and(...filters))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const { items, nextCursor } = page.page(rows, (row, field) =>
    field === 'title' ? row.title : row.releaseDate,
  );
  const artistIds = await primaryArtistIdsOf(
    deps.db.orm,
    items.map((row) => row.id),
  );
  return { items: items.map((row) => releaseView(row, artistIds.get(row.id) ?? [])), nextCursor };
}
