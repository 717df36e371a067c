import type { Role } from '../users/tables.ts';
import type { Condition } from './conditions.ts';

/** Per role, the conditions of which any one allows the action; a role that is absent may never do it. */
export type PolicyRow = Partial<Record<Role, readonly Condition[]>>;

/**
 * THE policy table: who may do what (API.md, "Roles and tenancy"). Routes ask `authorize`/`ensureVisible`
 * (`./authorize.ts`) and never check roles by hand. Reading actions (`*:read`) also decide visibility:
 * a resource the actor may not read is answered 404, exactly like a missing one.
 *
 * Action names are `<resource>:<verb>`. Add rows for new domains in their own section below.
 */
export const policyTable = {
  // ── labels ─────────────────────────────────────────────────────────────────────────────────────────
  'label:create': { admin: ['always'] },
  'label:read': {
    admin: ['always'],
    reviewer: ['always'],
    label_manager: ['ownLabel'],
    artist: ['ownLabel'],
  },
  'label:update': { admin: ['always'] },

  // ── users ──────────────────────────────────────────────────────────────────────────────────────────
  /** Listing users at all; which ones are listed follows `user:read`. */
  'user:list': { admin: ['always'], label_manager: ['always'] },
  /** The resource carries the label and the role the new account would have. */
  'user:create': { admin: ['always'], label_manager: ['ownLabelMember'] },
  'user:read': {
    admin: ['always'],
    label_manager: ['ownLabel', 'self'],
    reviewer: ['self'],
    artist: ['self'],
    partner: ['self'],
  },
  /** Changing a password (own, or of an account one manages). */
  'user:update': {
    admin: ['always'],
    label_manager: ['ownLabelMember', 'self'],
    reviewer: ['self'],
    artist: ['self'],
    partner: ['self'],
  },
  /** The resource carries the role the account would get: no one changes their own role. */
  'user:assign-role': { admin: ['otherUser'], label_manager: ['otherOwnLabelMember'] },
  /** Enabling or disabling an account; never one's own. */
  'user:set-active': { admin: ['otherUser'], label_manager: ['otherOwnLabelMember'] },
  'user:delete': { admin: ['otherUser'], label_manager: ['otherOwnLabelMember'] },

  // ── catalog: artists, releases, tracks, assets, workflow (catalog engineer adds rows here) ──────────
} as const satisfies Record<string, PolicyRow>;

export type Action = keyof typeof policyTable;
