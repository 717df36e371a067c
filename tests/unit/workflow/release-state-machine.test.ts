import {
  actionEvents,
  editableStates,
  initialReleaseState,
  isEditable,
  nextState,
  type ReleaseEvent,
  type ReleaseState,
  releaseStates,
  transitionFor,
  transitions,
} from '@soundcheck/api/workflow/release-workflow.ts';
import { describe, expect, test } from 'vitest';
import machines from '../../fixtures/workflow/state_machines.json' with { type: 'json' };

// The design's table (a verbatim copy, see tests/fixtures/workflow/README.md) is the oracle.
const design = machines.release;
const designTransitions = design.transitions.map((t) => ({
  event: t.event as ReleaseEvent,
  from: (Array.isArray(t.from) ? t.from : [t.from]) as ReleaseState[],
  to: t.to as ReleaseState,
  actors: t.actors.map((actor) => (actor === 'artist (creator)' ? 'creator' : actor)),
}));

const allPairs = releaseStates.flatMap((state) => designTransitions.map(({ event }) => ({ state, event })));
const legal = allPairs.filter(({ state, event }) =>
  designTransitions.some((t) => t.event === event && t.from.includes(state)),
);
const illegal = allPairs.filter((pair) => !legal.includes(pair));

describe('release state machine', { tags: ['unit', 'workflow'] }, () => {
  test('has the states, initial state and editable states of the design', () => {
    expect([...releaseStates]).toEqual(design.states);
    expect(initialReleaseState).toBe(design.initial);
    expect([...editableStates]).toEqual(design.editable_states);
  });

  test('has exactly the events of the design, with the same actors', () => {
    expect(transitions.map((t) => ({ ...t, from: [...t.from], actors: [...t.actors] }))).toEqual(
      designTransitions,
    );
  });

  test.each(legal)('$event is allowed from $state', ({ state, event }) => {
    expect(nextState(state, event)).toBe(designTransitions.find((t) => t.event === event)?.to);
  });

  test.each(illegal)('$event is refused from $state', ({ state, event }) => {
    expect(nextState(state, event)).toBeNull();
  });

  test('every action endpoint fires an event that a person (not only the system) may trigger', () => {
    for (const event of Object.values(actionEvents)) {
      expect(transitionFor(event).actors).not.toEqual(['system']);
    }
    const personEvents = designTransitions.filter((t) => !t.actors.every((a) => a === 'system'));
    expect(new Set(Object.values(actionEvents))).toEqual(new Set(personEvents.map((t) => t.event)));
  });

  test('archived is terminal', () => {
    expect(designTransitions.filter((t) => t.from.includes('archived'))).toEqual([]);
    for (const { event } of designTransitions) expect(nextState('archived', event)).toBeNull();
  });

  test('a release is editable in draft and changes_requested only', () => {
    expect(releaseStates.filter(isEditable)).toEqual(['draft', 'changes_requested']);
  });

  test('an event the machine does not know is a programming error that names the event', () => {
    expect(() => transitionFor('publish' as ReleaseEvent)).toThrow('no transition for event publish');
    expect(() => nextState('draft', 'publish' as ReleaseEvent)).toThrow('no transition for event publish');
  });
});
