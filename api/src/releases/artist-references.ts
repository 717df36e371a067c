import { and, eq, inArray } from 'drizzle-orm';
import { artists } from '../artists/tables.ts';
import type { Orm } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';

/**
 * 422 unless every id names an artist of `labelId`. An artist of another label is reported exactly like
 * a missing one, so the answer reveals nothing about other tenants.
 */
export async function ensureArtistsOfLabel(
  orm: Orm,
  labelId: string,
  references: Array<{ field: string; artistId: string }>,
): Promise<void> {
  if (references.length === 0) return;
  const ids = [...new Set(references.map((reference) => reference.artistId))];
  const found = await orm
    .select({ id: artists.id })
    .from(artists)
    .where(and(eq(artists.labelId, labelId), inArray(artists.id, ids)));
  const known = new Set(found.map((row) => row.id));
  const missing = references.filter((reference) => !known.has(reference.artistId));
  if (missing.length > 0) {
    throw new ApiError('UNPROCESSABLE_CONTENT', 'The request names artists that are not in the label', {
      errors: missing.map(({ field }) => ({
        field,
        code: 'NOT_FOUND',
        message: `${field} names no artist of this release's label`,
      })),
    });
  }
}
