import type { Actor } from '../auth/actor.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { type Condition, conditions, type PolicyResource } from './conditions.ts';
import { type Action, type PolicyRow, policyTable } from './table.ts';

function conditionsFor(actor: Actor, action: Action): readonly Condition[] {
  const row: PolicyRow = policyTable[action];
  return row[actor.role] ?? [];
}

/** Whether `actor` may do `action` on `resource` (no resource: only an unconditional grant counts). */
export function can(actor: Actor, action: Action, resource: PolicyResource = {}): boolean {
  return conditionsFor(actor, action).some((name) => conditions[name](actor, resource));
}

/** Throws 403 `FORBIDDEN` unless `actor` may do `action` on `resource`. */
export function authorize(actor: Actor, action: Action, resource?: PolicyResource): void {
  if (!can(actor, action, resource)) {
    throw new ApiError('FORBIDDEN', `Your role (${actor.role}) may not ${action.replace(':', ' ')} here`);
  }
}

/**
 * Returns the resource when `actor` may see it through `readAction`; otherwise throws 404 `NOT_FOUND` with
 * the same body as for a resource that does not exist (`what` names the kind, never the tenant).
 */
export function ensureVisible<T extends PolicyResource>(
  actor: Actor,
  readAction: Action,
  resource: T | null | undefined,
  what: string,
): T {
  if (!resource || !can(actor, readAction, resource)) throw notFound(what);
  return resource;
}

/** One filter of a list query: rows matching every field set here are visible. `{}` means all rows. */
export type VisibilityFilter = Pick<PolicyResource, 'id' | 'labelId' | 'createdBy' | 'partnerId'>;

/**
 * The filters (any one suffices) that select what `actor` may see through `readAction`, derived from the
 * same table, so that lists never show what a direct read would answer with 404. Empty: nothing visible.
 */
export function visibilityFilters(actor: Actor, readAction: Action): VisibilityFilter[] {
  const filters: VisibilityFilter[] = [];
  for (const name of conditionsFor(actor, readAction)) {
    const filter = filterFor(actor, name);
    if (filter === 'all') return [{}];
    if (filter) filters.push(filter);
  }
  return filters;
}

function filterFor(actor: Actor, name: Condition): VisibilityFilter | 'all' | null {
  switch (name) {
    case 'always':
      return 'all';
    case 'ownLabel':
      return actor.labelId ? { labelId: actor.labelId } : null;
    case 'ownCreation':
      return actor.labelId ? { labelId: actor.labelId, createdBy: actor.id } : null;
    case 'self':
      return { id: actor.id };
    case 'ownPartner':
      return actor.partnerId ? { partnerId: actor.partnerId } : null;
    case 'otherUser':
    case 'ownLabelMember':
    case 'otherOwnLabelMember':
      throw new Error(`condition ${name} cannot decide visibility; use it on acting rows only`);
  }
}
