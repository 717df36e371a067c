import type { Actor } from '@soundcheck/api/auth/actor.ts';
import { can } from '@soundcheck/api/policy/authorize.ts';
import type { PolicyResource } from '@soundcheck/api/policy/conditions.ts';
import type { Action } from '@soundcheck/api/policy/table.ts';
import type { ActorName } from './actors.ts';
import type { OperationPolicy } from './operation-policy.ts';
import { type Kind, readActionOf } from './scenes.ts';
import type { VariantRow } from './variant-rows.ts';

/** What a cell expects: the call goes through (any answer but 401/403/404), or the refusal's status. */
export type Outcome = 'allowed' | 401 | 403 | 404;

/**
 * The outcome the policy table gives, in the contract's order: no token → 401; a resource the actor may
 * not read → 404 (the body of a missing one); readable but not this action → 403; else allowed.
 */
function expectedOutcome(
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

export interface Call {
  /** The operation of /openapi.json the row calls. */
  operation: string;
  method: string;
  template: string;
  kind: Kind;
  policy: OperationPolicy;
  /** What a variant row changes: its body, further policy rows asked, the caller's own account. */
  variant?: VariantRow;
}

/**
 * The outcome of `call` for `actor` (null: anonymous) on `resource`, from the policy table alone:
 * - `public` answers everyone; `partner-signature` only the partner that signs with its own secret;
 * - a list (`GET` on a collection) answers whoever holds its action, or everyone signed in when the action
 *   is the kind's read action — the list then holds what they may read (`listed`);
 * - a creation (`POST` on a collection) asks the action about the resource it would create;
 * - anything on one resource is `expectedOutcome`: 404 unless readable, 403 unless allowed.
 */
export function outcomeOf(
  call: Call,
  actorName: ActorName,
  actor: Actor | null,
  resource: PolicyResource,
): Outcome {
  const { policy, kind } = call;
  if (policy === 'public') return 'allowed';
  if (policy === 'partner-signature') return actorName === 'partner (own)' ? 'allowed' : 401;
  if (!actor) return 401;
  if (policy === 'signed-in') return 'allowed';
  const readAction: Action = kind in readActionOf ? readActionOf[kind as keyof typeof readActionOf] : policy;
  if (call.template.includes('{')) {
    const outcome = expectedOutcome(actor, policy, readAction, resource);
    const further = call.variant?.furtherChecks ?? [];
    const refused = further.some(
      ({ action, role }) => !can(actor, action, role ? { ...resource, role } : resource),
    );
    return outcome === 'allowed' && refused ? 403 : outcome;
  }
  if (call.method === 'GET' && policy === readAction) return 'allowed';
  return can(actor, policy, resource) ? 'allowed' : 403;
}

/** Whether a list answered to `actor` shows the resource: exactly when a direct read would. */
export function listed(call: Call, actor: Actor, resource: PolicyResource): boolean {
  const readAction = readActionOf[call.kind as keyof typeof readActionOf];
  return readAction !== undefined && can(actor, readAction, resource);
}

/** Kinds that belong to one label: API.md answers another label's with 404, whatever the role. */
const labelScoped: ReadonlySet<Kind> = new Set(['label', 'user', 'artist', 'release', 'track', 'asset']);

/**
 * Black-box, the outcomes the contract (API.md) pins: 401 and another tenant's 404 exactly, and what an admin
 * ("everything") or a public operation may do. Where only our policy table grants a role the call (API.md
 * does not say whether a reviewer reads labels, say), a correct implementation may refuse it; and where it
 * leaves open whether a role sees a resource it may not act on, a refusal may be 403 or 404. Being let in
 * where the policy refuses always fails, but for the actors a variant row names as open in the contract.
 */
export function contractOutcomes(expected: Outcome, actorName: ActorName, call: Call): Outcome[] {
  const { kind } = call;
  if (expected === 401) return [401];
  if (call.variant?.openInContract?.includes(actorName)) return ['allowed', 403, 404];
  if (expected === 'allowed')
    return actorName === 'admin' || actorName === 'anonymous' ? ['allowed'] : ['allowed', 403, 404];
  const otherTenant =
    (actorName === 'label_manager (other label)' && labelScoped.has(kind)) ||
    (actorName === 'partner (other)' && kind === 'delivery');
  return expected === 404 && otherTenant ? [404] : [403, 404];
}
