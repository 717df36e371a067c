import { and, eq, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/actor.ts';
import { containing } from '../db/containing.ts';
import type { Deps } from '../deps.ts';
import { keyset } from '../http/pagination.ts';
import { invalidField } from '../identifiers/invalid-field.ts';
import { isValidIpiNameNumber } from '../identifiers/ipi.ts';
import { normalizeIsni } from '../identifiers/isni.ts';
import { owningLabel } from '../labels/owning-label.ts';
import { authorize, ensureVisible, visibilityFilters } from '../policy/authorize.ts';
import { visibleWhere } from '../policy/sql.ts';
import type { CreateArtistBody, ListArtistsQuery, UpdateArtistBody } from './schema.ts';
import { artists } from './tables.ts';

type ArtistRow = typeof artists.$inferSelect;

export function artistView(row: ArtistRow) {
  return {
    id: row.id,
    labelId: row.labelId,
    name: row.name,
    isni: row.isni,
    ipiNameNumber: row.ipiNameNumber,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Checks and canonicalises the identifiers of a body (400 before anything is looked up). */
function identifiers(body: { isni?: string | null; ipiNameNumber?: string | null }) {
  const result: { isni?: string | null; ipiNameNumber?: string | null } = {};
  if (body.isni !== undefined) {
    const isni = body.isni === null ? null : normalizeIsni(body.isni);
    if (body.isni !== null && !isni)
      throw invalidField(
        'isni',
        'must be 16 characters (spaces allowed) with a valid MOD 11-2 check character',
      );
    result.isni = isni;
  }
  if (body.ipiNameNumber !== undefined) {
    if (body.ipiNameNumber !== null && !isValidIpiNameNumber(body.ipiNameNumber))
      throw invalidField('ipiNameNumber', 'must be 11 digits whose last two are the mod-101 check');
    result.ipiNameNumber = body.ipiNameNumber;
  }
  return result;
}

export async function createArtist(deps: Deps, actor: Actor, body: CreateArtistBody) {
  const checked = identifiers(body);
  const labelId = await owningLabel(deps, actor, body.labelId, 'artist:create');
  const [row] = await deps.db.orm
    .insert(artists)
    .values({ id: uuidv7(), labelId, name: body.name.trim(), createdBy: actor.id, ...checked })
    .returning();
  return artistView(row!);
}

async function findArtist(deps: Deps, id: string): Promise<ArtistRow | undefined> {
  const [row] = await deps.db.orm.select().from(artists).where(eq(artists.id, id));
  return row;
}

export async function getArtist(deps: Deps, actor: Actor, id: string) {
  return artistView(ensureVisible(actor, 'artist:read', await findArtist(deps, id), 'Artist'));
}

export async function updateArtist(deps: Deps, actor: Actor, id: string, body: UpdateArtistBody) {
  const checked = identifiers(body);
  const row = ensureVisible(actor, 'artist:read', await findArtist(deps, id), 'Artist');
  authorize(actor, 'artist:update', row);
  const [updated] = await deps.db.orm
    .update(artists)
    .set({ ...(body.name ? { name: body.name.trim() } : {}), ...checked, updatedAt: deps.clock.now() })
    .where(eq(artists.id, id))
    .returning();
  return artistView(updated!);
}

const sorting = { id: artists.id, fields: { createdAt: artists.id }, fallback: 'createdAt' };

export async function listArtists(deps: Deps, actor: Actor, query: ListArtistsQuery) {
  const page = keyset(sorting, query);
  const filters: Array<SQL | undefined> = [
    visibleWhere(visibilityFilters(actor, 'artist:read'), {
      labelId: artists.labelId,
      createdBy: artists.createdBy,
      id: artists.id,
    }),
    page.after,
  ];
  if (query.labelId) filters.push(eq(artists.labelId, query.labelId));
  if (query.q) filters.push(containing(artists.name, query.q));
  const rows = await deps.db.orm
    .select()
    .from(artists)
    .where(and(...filters))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const { items, nextCursor } = page.page(rows, (row) => row.id);
  return { items: items.map(artistView), nextCursor };
}
