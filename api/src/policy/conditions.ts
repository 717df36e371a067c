import type { Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';

/** What the policy needs to know about the resource an action touches; every field is optional. */
export interface PolicyResource {
  /** The resource's own id (for users: the user id, so `self` can be decided). */
  id?: string;
  /** The label the resource belongs to (for a label: its own id). */
  labelId?: string | null;
  /** The user who created the resource (releases: the artist or manager who made it). */
  createdBy?: string | null;
  /** The partner (DSP) the resource belongs to (deliveries). */
  partnerId?: string | null;
  /** For user resources: the role the user has, or would have after the request. */
  role?: Role;
}

const labelMemberRoles: readonly Role[] = ['artist', 'label_manager'];

const ownLabel = (actor: Actor, resource: PolicyResource): boolean =>
  actor.labelId !== null && resource.labelId === actor.labelId;

const self = (actor: Actor, resource: PolicyResource): boolean => resource.id === actor.id;

const ownLabelMember = (actor: Actor, resource: PolicyResource): boolean =>
  ownLabel(actor, resource) && resource.role !== undefined && labelMemberRoles.includes(resource.role);

/**
 * The named conditions a policy row may require. A row lists, per role, the conditions of which ANY one
 * must hold; `always` needs no resource at all.
 */
export const conditions = {
  always: () => true,
  /** The resource belongs to the actor's label. */
  ownLabel,
  /** The resource belongs to the actor's label and the actor created it. */
  ownCreation: (actor: Actor, resource: PolicyResource) =>
    ownLabel(actor, resource) && resource.createdBy === actor.id,
  /** The resource is the actor's own account. */
  self,
  /** The resource is an account other than the actor's own (no one changes their own role or status). */
  otherUser: (actor: Actor, resource: PolicyResource) => resource.id !== undefined && !self(actor, resource),
  /** An `artist`/`label_manager` account of the actor's label. */
  ownLabelMember,
  /** An `artist`/`label_manager` account of the actor's label that is not the actor's own. */
  otherOwnLabelMember: (actor: Actor, resource: PolicyResource) =>
    ownLabelMember(actor, resource) && resource.id !== undefined && !self(actor, resource),
  /** The resource belongs to the partner the actor's account is bound to. */
  ownPartner: (actor: Actor, resource: PolicyResource) =>
    actor.partnerId !== null && resource.partnerId === actor.partnerId,
} satisfies Record<string, (actor: Actor, resource: PolicyResource) => boolean>;

export type Condition = keyof typeof conditions;
