/**
 * The release workflow — the one place that knows the release state machine
 * (design: state_machines.json, "release"). releases/transition.ts, the one writer of release state, asks
 * `nextState`; the policy table takes who may fire each action from `actors`.
 */

export const releaseStates = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'approved',
  'distributing',
  'delivered',
  'live',
  'takedown_requested',
  'taken_down',
  'archived',
] as const;
export type ReleaseState = (typeof releaseStates)[number];

export const initialReleaseState: ReleaseState = 'draft';

/** PATCH of a release and its tracks is allowed only here; editing never changes the state. */
export const editableStates: readonly ReleaseState[] = ['draft', 'changes_requested'];

export const isEditable = (state: ReleaseState): boolean => editableStates.includes(state);

export type ReleaseEvent =
  | 'submit'
  | 'withdraw'
  | 'start_review'
  | 'request_changes'
  | 'approve'
  | 'enqueue_deliveries'
  | 'all_deliveries_acknowledged'
  | 'release_date_reached'
  | 'delivery_rejected'
  | 'request_takedown'
  | 'all_takedowns_acknowledged'
  | 'archive'
  | 'revise';

export type WorkflowActor = 'creator' | 'label_manager' | 'reviewer' | 'admin' | 'system';

export interface Transition {
  event: ReleaseEvent;
  from: readonly ReleaseState[];
  to: ReleaseState;
  /** Who may trigger it; the policy table turns these into roles (an artist only on their own release). */
  actors: readonly WorkflowActor[];
}

const owner = ['creator', 'label_manager', 'admin'] as const;
const review = ['reviewer', 'admin'] as const;
const manage = ['label_manager', 'admin'] as const;

export const transitions: readonly Transition[] = [
  { event: 'submit', from: ['draft', 'changes_requested'], to: 'submitted', actors: owner },
  { event: 'withdraw', from: ['submitted'], to: 'draft', actors: owner },
  { event: 'start_review', from: ['submitted'], to: 'in_review', actors: review },
  { event: 'request_changes', from: ['in_review'], to: 'changes_requested', actors: review },
  { event: 'approve', from: ['in_review'], to: 'approved', actors: review },
  { event: 'enqueue_deliveries', from: ['approved'], to: 'distributing', actors: manage },
  { event: 'all_deliveries_acknowledged', from: ['distributing'], to: 'delivered', actors: ['system'] },
  { event: 'release_date_reached', from: ['delivered'], to: 'live', actors: ['system'] },
  { event: 'delivery_rejected', from: ['distributing'], to: 'changes_requested', actors: ['system'] },
  {
    event: 'request_takedown',
    from: ['distributing', 'delivered', 'live'],
    to: 'takedown_requested',
    actors: manage,
  },
  { event: 'all_takedowns_acknowledged', from: ['takedown_requested'], to: 'taken_down', actors: ['system'] },
  { event: 'archive', from: ['draft', 'changes_requested', 'taken_down'], to: 'archived', actors: manage },
  { event: 'revise', from: ['delivered', 'live'], to: 'changes_requested', actors: manage },
];

/** The action endpoints `POST /v1/releases/{id}/{action}` and the event each one fires. */
export const actionEvents = {
  submit: 'submit',
  withdraw: 'withdraw',
  'start-review': 'start_review',
  'request-changes': 'request_changes',
  approve: 'approve',
  distribute: 'enqueue_deliveries',
  revise: 'revise',
  takedown: 'request_takedown',
  archive: 'archive',
} as const satisfies Record<string, ReleaseEvent>;
export type ReleaseAction = keyof typeof actionEvents;

export function transitionFor(event: ReleaseEvent): Transition {
  const transition = transitions.find((candidate) => candidate.event === event);
  if (!transition) throw new Error(`no transition for event ${event}`);
  return transition;
}

/** The state `event` leads to from `state`, or null when the machine does not allow it there. */
export function nextState(state: ReleaseState, event: ReleaseEvent): ReleaseState | null {
  const transition = transitionFor(event);
  return transition.from.includes(state) ? transition.to : null;
}
