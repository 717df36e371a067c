import type { Role } from '../auth/roles.ts';
import {
  actionEvents,
  type ReleaseAction,
  transitionFor,
  type WorkflowActor,
} from '../workflow/release-workflow.ts';
import type { Condition } from './conditions.ts';

/** Per role, the conditions of which any one allows the action; a role that is absent may never do it. */
export type PolicyRow = Partial<Record<Role, readonly Condition[]>>;

/** How each person named in the workflow's `actors` becomes a role and the condition it acts under. */
const actorGrants: Record<Exclude<WorkflowActor, 'system'>, [Role, Condition]> = {
  creator: ['artist', 'ownCreation'],
  label_manager: ['label_manager', 'ownLabel'],
  reviewer: ['reviewer', 'always'],
  admin: ['admin', 'always'],
};

function workflowRow(action: ReleaseAction): PolicyRow {
  const row: Partial<Record<Role, Condition[]>> = {};
  for (const actor of transitionFor(actionEvents[action]).actors) {
    if (actor === 'system') continue;
    const [role, condition] = actorGrants[actor];
    row[role] = [condition];
  }
  return row;
}

const workflowRows = Object.fromEntries(
  Object.keys(actionEvents).map((action) => [`release:${action}`, workflowRow(action as ReleaseAction)]),
) as Record<`release:${ReleaseAction}`, PolicyRow>;

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
  /** The resource carries the label the new artist would belong to. */
  'artist:create': { admin: ['always'], label_manager: ['ownLabel'], artist: ['ownLabel'] },
  'artist:read': {
    admin: ['always'],
    reviewer: ['always'],
    label_manager: ['ownLabel'],
    artist: ['ownLabel'],
  },
  'artist:update': { admin: ['always'], label_manager: ['ownLabel'], artist: ['ownCreation'] },
  /** The resource carries the label the new release would belong to. */
  'release:create': { admin: ['always'], label_manager: ['ownLabel'], artist: ['ownLabel'] },
  /** Reading a release, its tracks, its QC report and its history. */
  'release:read': {
    admin: ['always'],
    reviewer: ['always'],
    label_manager: ['ownLabel'],
    artist: ['ownCreation'],
  },
  /** Editing a release and its tracks (only in editable states), and deleting a draft. */
  'release:update': { admin: ['always'], label_manager: ['ownLabel'], artist: ['ownCreation'] },
  // Workflow actions: who may act is the workflow's `actors` (workflow/release-workflow.ts). The four-eyes rule
  // (never approve one's own release) is a 422 guard of the workflow, not a 403.
  ...workflowRows,

  // ── partners and deliveries ─────────────────────────────────────────────────────────────────────────
  'partner:create': { admin: ['always'] },
  /** Who the partners are (name, DPID, lead time): label staff choose them to distribute to. */
  'partner:read': {
    admin: ['always'],
    reviewer: ['always'],
    label_manager: ['always'],
    partner: ['ownPartner'],
  },
  /** Changing a partner, and seeing its transport (secrets masked) and callback URL. */
  'partner:update': { admin: ['always'] },
  /** test-connection and rotate-callback-secret. */
  'partner:manage': { admin: ['always'] },
  /** Reading deliveries and their ERN: label staff their label's, partner accounts their partner's. */
  'delivery:read': {
    admin: ['always'],
    reviewer: ['always'],
    label_manager: ['ownLabel'],
    partner: ['ownPartner'],
  },
  /** `POST /v1/releases/{id}/deliveries`; the resource is the release. */
  'delivery:create': { admin: ['always'], label_manager: ['ownLabel'] },
  'delivery:retry': { admin: ['always'] },
  'delivery:cancel': { admin: ['always'] },
} as const satisfies Record<string, PolicyRow>;

export type Action = keyof typeof policyTable;
