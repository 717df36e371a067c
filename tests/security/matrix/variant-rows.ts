import type { Role } from '@soundcheck/api/auth/roles.ts';
import type { Action } from '@soundcheck/api/policy/table.ts';
import type { ActorName } from './actors.ts';

/** A policy row an operation asks besides its own, about the resource as the body would make it. */
interface FurtherCheck {
  action: Action;
  /** The role the body gives the account (`user:assign-role` is asked about the account after the change). */
  role?: Role;
}

/**
 * A matrix row beyond the one per operation: the same operation with a body that makes it ask more of the
 * policy table, or on the caller's own account. Named `<operation> <what differs>`.
 */
export interface VariantRow {
  operation: string;
  /** The body sent instead of the operation's recipe. */
  body?: Record<string, unknown>;
  /** Asked after the operation's own action, in order; each one refused is a 403. */
  furtherChecks?: FurtherCheck[];
  /** The resource is the caller's own account (a fresh one per cell, of the actor's role, label, partner). */
  ownAccount?: boolean;
  /**
   * Black-box, the actors for whom API.md leaves the outcome open: it forbids raising one's own role, and
   * says nothing of an admin's or a manager's disabling or retiring their own account.
   */
  openInContract?: readonly ActorName[];
}

const PATCH_USER = 'PATCH /v1/users/{id}';
const managers = ['label_manager (own label)', 'label_manager (other label)'] as const;

/**
 * `PATCH /v1/users/{id}` asks `user:assign-role` for a `role` and `user:set-active` for `active`, besides
 * `user:update` (`api/src/users/service.ts`); acting on one's own account is what `self` and `otherUser`
 * tell apart. Without these rows those policy rows would never be called.
 */
export const variantRows: Record<string, VariantRow> = {
  'PATCH /v1/users/{id} {role: label_manager}': {
    operation: PATCH_USER,
    body: { role: 'label_manager' },
    furtherChecks: [{ action: 'user:assign-role', role: 'label_manager' }],
  },
  'PATCH /v1/users/{id} {role: admin}': {
    operation: PATCH_USER,
    body: { role: 'admin' },
    furtherChecks: [{ action: 'user:assign-role', role: 'admin' }],
  },
  'PATCH /v1/users/{id} {active: false}': {
    operation: PATCH_USER,
    body: { active: false },
    furtherChecks: [{ action: 'user:set-active' }],
  },
  'GET /v1/users/{id} own account': { operation: 'GET /v1/users/{id}', ownAccount: true },
  'PATCH /v1/users/{id} own account {password}': { operation: PATCH_USER, ownAccount: true },
  'PATCH /v1/users/{id} own account {role: admin}': {
    operation: PATCH_USER,
    ownAccount: true,
    body: { role: 'admin' },
    furtherChecks: [{ action: 'user:assign-role', role: 'admin' }],
    // An admin made admin again raises nothing.
    openInContract: ['admin'],
  },
  'PATCH /v1/users/{id} own account {active: false}': {
    operation: PATCH_USER,
    ownAccount: true,
    body: { active: false },
    furtherChecks: [{ action: 'user:set-active' }],
    openInContract: ['admin', ...managers],
  },
  'DELETE /v1/users/{id} own account': {
    operation: 'DELETE /v1/users/{id}',
    ownAccount: true,
    openInContract: ['admin', ...managers],
  },
};
