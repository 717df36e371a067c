import { and, eq, gt, gte, ne, sql } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { tracks } from '../releases/tables.ts';

/**
 * Track numbers stay contiguous from 1 on every disc: a track goes in at 1..n+1 and its followers move
 * up; a track leaving closes its gap. The position constraint is deferred, so shifts in one transaction pass.
 */

async function discSizes(orm: Orm, releaseId: string): Promise<Map<number, number>> {
  const rows = await orm
    .select({ disc: tracks.discNumber, count: sql<number>`count(*)::int` })
    .from(tracks)
    .where(eq(tracks.releaseId, releaseId))
    .groupBy(tracks.discNumber);
  return new Map(rows.map((row) => [row.disc, Number(row.count)]));
}

const outOfPlace = (field: string, message: string) =>
  new ApiError('BUSINESS_RULE_VIOLATED', message, { errors: [{ field, code: 'NOT_CONTIGUOUS', message }] });

/** 422 unless (disc, track) is a place a track can take; `moving` is true when the track is already on that disc. */
export async function ensurePlace(
  orm: Orm,
  releaseId: string,
  disc: number,
  trackNumber: number,
  alreadyOnDisc: boolean,
): Promise<void> {
  const sizes = await discSizes(orm, releaseId);
  const highestDisc = Math.max(0, ...sizes.keys());
  if (!sizes.has(disc) && disc !== highestDisc + 1) {
    throw outOfPlace('discNumber', `Disc ${disc} would leave a gap; the next disc is ${highestDisc + 1}`);
  }
  const size = sizes.get(disc) ?? 0;
  const last = alreadyOnDisc ? size : size + 1;
  if (trackNumber > last) {
    throw outOfPlace('trackNumber', `Track numbers are contiguous per disc: disc ${disc} takes 1 to ${last}`);
  }
}

export async function openPlace(
  orm: Orm,
  releaseId: string,
  disc: number,
  trackNumber: number,
  exceptId?: string,
): Promise<void> {
  await orm
    .update(tracks)
    .set({ trackNumber: sql`${tracks.trackNumber} + 1` })
    .where(
      and(
        eq(tracks.releaseId, releaseId),
        eq(tracks.discNumber, disc),
        gte(tracks.trackNumber, trackNumber),
        exceptId ? ne(tracks.id, exceptId) : undefined,
      ),
    );
}

export async function closePlace(
  orm: Orm,
  releaseId: string,
  disc: number,
  trackNumber: number,
  exceptId?: string,
): Promise<void> {
  await orm
    .update(tracks)
    .set({ trackNumber: sql`${tracks.trackNumber} - 1` })
    .where(
      and(
        eq(tracks.releaseId, releaseId),
        eq(tracks.discNumber, disc),
        gt(tracks.trackNumber, trackNumber),
        exceptId ? ne(tracks.id, exceptId) : undefined,
      ),
    );
}
