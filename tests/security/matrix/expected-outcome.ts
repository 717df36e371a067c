import type { Actor } from '@soundcheck/api/auth/actor.ts';
import { can } from '@soundcheck/api/policy/authorize.ts';
import type { PolicyResource } from '@soundcheck/api/policy/conditions.ts';
import type { Action } from '@soundcheck/api/policy/table.ts';

/** What a cell expects: the call goes through (any answer but 401/403/404), or the refusal's status. */
export type Outcome = 'allowed' | 401 | 403 | 404;

/**
 * The outcome the policy table gives, in the contract's order: no token → 401; a resource the actor may
 * not read → 404 (the body of a missing one); readable but not this action → 403; else allowed.
 */
export function expectedOutcome(
  actor: Actor | null,
  action: Action,
  readAction: Action,
  resource: PolicyResource,
): Outcome {
  if (!actor) return 401;
  if (!can(actor, readAction, resource)) return 404;
  return can(actor, action, resource) ? 'allowed' : 403;
}

export function observedOutcome(status: number): Outcome {
  return status === 401 || status === 403 || status === 404 ? status : 'allowed';
}
