import {
  type DeliveryEvent,
  type DeliveryState,
  deliveryStates,
  deliveryTransitions,
  initialDeliveryState,
  needsNewMessageId,
  nextDeliveryState,
  retryEventFor,
  terminalDeliveryStates,
} from '@soundcheck/api/deliveries/state-machine.ts';
import { describe, expect, test } from 'vitest';
import machines from '../../fixtures/workflow/state_machines.json' with { type: 'json' };

// The design's table (a verbatim copy, see tests/fixtures/workflow/README.md) is the oracle.
const design = machines.delivery;
const designTransitions = design.transitions.map((t) => ({
  event: t.event as DeliveryEvent,
  from: (Array.isArray(t.from) ? t.from : [t.from]) as DeliveryState[],
  to: t.to as DeliveryState,
  actors: t.actors,
}));

const allPairs = deliveryStates.flatMap((state) => designTransitions.map(({ event }) => ({ state, event })));
const legal = allPairs.filter(({ state, event }) =>
  designTransitions.some((t) => t.event === event && t.from.includes(state)),
);
const illegal = allPairs.filter((pair) => !legal.includes(pair));

describe('delivery state machine', { tags: ['unit', 'delivery'] }, () => {
  test('has the states and initial state of the design', () => {
    expect([...deliveryStates]).toEqual(design.states);
    expect(initialDeliveryState).toBe(design.initial);
  });

  test('has exactly the transitions of the design, with the same actors', () => {
    expect(deliveryTransitions.map((t) => ({ ...t, from: [...t.from], actors: [...t.actors] }))).toEqual(
      designTransitions,
    );
  });

  test.each(legal)('$event is allowed from $state', ({ state, event }) => {
    expect(nextDeliveryState(state, event)).toBe(designTransitions.find((t) => t.event === event)?.to);
  });

  test.each(illegal)('$event is refused from $state', ({ state, event }) => {
    expect(nextDeliveryState(state, event)).toBeNull();
  });

  test('only live and cancelled are terminal: failed waits for an admin, rejected for a redelivery', () => {
    expect(terminalDeliveryStates).toEqual(['live', 'cancelled']);
  });

  test('the retry endpoint retries a failed delivery and redelivers a rejected one under a new MessageId', () => {
    expect(Object.fromEntries(deliveryStates.map((state) => [state, retryEventFor(state)]))).toEqual({
      queued: null,
      packaging: null,
      uploading: null,
      uploaded: null,
      acknowledged: null,
      live: null,
      rejected: 'redeliver',
      failed: 'retry',
      cancelled: null,
    });
    expect(designTransitions.filter((t) => needsNewMessageId(t.event)).map((t) => t.event)).toEqual([
      'redeliver',
    ]);
  });

  test('the workers alone reach every state but cancelled, which only an admin may cause', () => {
    const systemEdges = deliveryTransitions.filter(
      (t) => t.actors.includes('system') && t.event !== 'redeliver',
    );
    const reachable = new Set<DeliveryState>(['queued']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const t of systemEdges) {
        if (t.from.some((s) => reachable.has(s)) && !reachable.has(t.to)) {
          reachable.add(t.to);
          changed = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual(
      ['acknowledged', 'failed', 'live', 'packaging', 'queued', 'rejected', 'uploaded', 'uploading'].sort(),
    );
  });

  test('an event the machine does not know leads nowhere, from any state', () => {
    for (const state of deliveryStates)
      expect(nextDeliveryState(state, 'publish' as DeliveryEvent)).toBeNull();
  });
});
