import type { Orm } from '@soundcheck/api/db/database.ts';
import { findRelease } from '@soundcheck/api/releases/repository.ts';
import { transitionRelease } from '@soundcheck/api/releases/transition.ts';
import {
  type ReleaseEvent,
  type ReleaseState,
  transitions,
} from '@soundcheck/api/workflow/release-workflow.ts';

/** The shortest chain of events that leads from `from` to `to` in the release state machine. */
function pathBetween(from: ReleaseState, to: ReleaseState): ReleaseEvent[] {
  const reached = new Map<ReleaseState, ReleaseEvent[]>([[from, []]]);
  const queue: ReleaseState[] = [from];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    const path = reached.get(state) as ReleaseEvent[];
    if (state === to) return path;
    for (const transition of transitions) {
      if (!transition.from.includes(state) || reached.has(transition.to)) continue;
      reached.set(transition.to, [...path, transition.event]);
      queue.push(transition.to);
    }
  }
  throw new Error(`the release state machine has no path from ${from} to ${to}`);
}

/**
 * Walks a release to `state` through the one writer of release state, event by event, as the system would
 * (no guards, no deliveries): for in-process tests of what follows a state, without building its history
 * through the API. Each step lands in the release's trail.
 */
export async function walkReleaseTo(orm: Orm, releaseId: string, state: ReleaseState, now = new Date()) {
  let row = await findRelease(orm, releaseId);
  if (!row) throw new Error(`release ${releaseId} does not exist`);
  for (const event of pathBetween(row.state, state)) {
    const moved = await transitionRelease(orm, row, event, { actor: null, now });
    if (!moved) throw new Error(`release ${releaseId} refused ${event} in state ${row.state}`);
    row = moved;
  }
  return row;
}
