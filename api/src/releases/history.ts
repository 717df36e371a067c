import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../auth/actor.ts';
import type { Orm } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { keyset } from '../http/pagination.ts';
import { ensureVisible } from '../policy/authorize.ts';
import type { ReleaseState } from '../workflow/release-workflow.ts';
import { findRelease } from './repository.ts';
import { releaseEvents } from './tables.ts';

export interface ReleaseEventInput {
  releaseId: string;
  actorId: string | null;
  action: string;
  from: ReleaseState | null;
  to: ReleaseState;
  reasons?: Array<{ rule: string; message: string }>;
}

/** Appends to the audit trail, in the same transaction as the change it records. */
export async function recordEvent(orm: Orm, event: ReleaseEventInput, at: Date): Promise<void> {
  await orm.insert(releaseEvents).values({
    // UUID v7: ids sort by creation, so the trail pages oldest first on the id alone.
    id: uuidv7(),
    releaseId: event.releaseId,
    at,
    actorId: event.actorId,
    action: event.action,
    fromState: event.from,
    toState: event.to,
    reasons: event.reasons ?? null,
  });
}

const sorting = { id: releaseEvents.id, fields: { at: releaseEvents.id }, fallback: 'at' };

/** GET /v1/releases/{id}/history: the audit trail, oldest first, paginated like every list. */
export async function releaseHistory(
  deps: Deps,
  actor: Actor,
  releaseId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  ensureVisible(actor, 'release:read', await findRelease(deps.db.orm, releaseId), 'Release');
  const page = keyset(sorting, query);
  const rows = await deps.db.orm
    .select()
    .from(releaseEvents)
    .where(and(eq(releaseEvents.releaseId, releaseId), page.after))
    .orderBy(...page.orderBy)
    .limit(page.fetch);
  const { items, nextCursor } = page.page(rows, (row) => row.id);
  return {
    items: items.map((row) => ({
      at: row.at.toISOString(),
      actor: row.actorId,
      action: row.action,
      from: row.fromState,
      to: row.toState,
      ...(row.reasons ? { reasons: row.reasons } : {}),
    })),
    nextCursor,
  };
}
