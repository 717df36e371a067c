/**
 * The delivery state machine — the one place that knows it (design: state_machines.json, "delivery").
 * One delivery is one ERN message (plus resources) about one release to one partner. Workers, endpoints
 * and the release workflow ask this table; tests generate every legal and illegal transition from the design.
 */

export const deliveryStates = [
  'queued',
  'packaging',
  'uploading',
  'uploaded',
  'acknowledged',
  'live',
  'rejected',
  'failed',
  'cancelled',
] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const initialDeliveryState: DeliveryState = 'queued';

export type DeliveryEvent =
  | 'worker_picks_up'
  | 'package_built'
  | 'packaging_error'
  | 'manifest_written'
  | 'transport_error'
  | 'transport_error_final'
  | 'retry'
  | 'ack_success'
  | 'ack_error'
  | 'ack_timeout'
  | 'partner_reports_live'
  | 'redeliver'
  | 'cancel';

export type DeliveryActor = 'system' | 'admin';

export interface DeliveryTransition {
  event: DeliveryEvent;
  from: readonly DeliveryState[];
  to: DeliveryState;
  actors: readonly DeliveryActor[];
}

export const deliveryTransitions: readonly DeliveryTransition[] = [
  { event: 'worker_picks_up', from: ['queued'], to: 'packaging', actors: ['system'] },
  // Guard: the ERN passes the XSD and the reference rules, every resource is present with its checksum.
  { event: 'package_built', from: ['packaging'], to: 'uploading', actors: ['system'] },
  // Not retryable: the same data would build the same invalid message.
  { event: 'packaging_error', from: ['packaging'], to: 'failed', actors: ['system'] },
  // Guard: every binary and the message were uploaded before the manifest.
  { event: 'manifest_written', from: ['uploading'], to: 'uploaded', actors: ['system'] },
  // attempts + 1, nextAttemptAt from the backoff policy, lastError recorded.
  { event: 'transport_error', from: ['uploading'], to: 'queued', actors: ['system'] },
  { event: 'transport_error_final', from: ['uploading'], to: 'failed', actors: ['system'] },
  { event: 'retry', from: ['failed'], to: 'queued', actors: ['admin'] },
  { event: 'ack_success', from: ['uploaded'], to: 'acknowledged', actors: ['system'] },
  { event: 'ack_error', from: ['uploaded'], to: 'rejected', actors: ['system'] },
  { event: 'ack_timeout', from: ['uploaded'], to: 'failed', actors: ['system'] },
  { event: 'partner_reports_live', from: ['acknowledged'], to: 'live', actors: ['system'] },
  // A new MessageId in the same MessageThreadId.
  { event: 'redeliver', from: ['rejected'], to: 'queued', actors: ['admin', 'system'] },
  { event: 'cancel', from: ['queued', 'failed'], to: 'cancelled', actors: ['admin'] },
];

const byEvent = new Map(deliveryTransitions.map((transition) => [transition.event, transition]));

/** The state `event` leads to from `state`, or null when the machine does not allow it there. */
export function nextDeliveryState(state: DeliveryState, event: DeliveryEvent): DeliveryState | null {
  const transition = byEvent.get(event);
  return transition?.from.includes(state) ? transition.to : null;
}

/** States no event leaves. */
export const terminalDeliveryStates: readonly DeliveryState[] = deliveryStates.filter(
  (state) => !deliveryTransitions.some((transition) => transition.from.includes(state)),
);

/**
 * What `POST /v1/deliveries/{id}/retry` fires (API.md: from `failed` or `rejected`): a failed delivery is
 * retried as it was, a rejected one is redelivered under a new MessageId. Null from any other state.
 */
export function retryEventFor(state: DeliveryState): 'retry' | 'redeliver' | null {
  if (state === 'failed') return 'retry';
  if (state === 'rejected') return 'redeliver';
  return null;
}

/** Whether entering `queued` through `event` needs a new MessageId (same MessageThreadId). */
export const needsNewMessageId = (event: DeliveryEvent): boolean => event === 'redeliver';
