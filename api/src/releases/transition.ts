import { and, eq, isNull } from 'drizzle-orm';
import type { Orm } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { actionEvents, nextState, type ReleaseEvent } from '../workflow/release-workflow.ts';
import { recordEvent } from './history.ts';
import type { ReleaseRow } from './repository.ts';
import { releases } from './tables.ts';

/**
 * The one writer of `releases.state` and `releases.first_delivered_at` (a test fails on any other): every
 * change of state, by a person's action, a delivery's outcome or the sweeper, comes through here.
 */

const actionOfEvent = new Map<ReleaseEvent, string>(
  Object.entries(actionEvents).map(([action, event]) => [event, action]),
);

/** The `action` of the audit trail: the endpoint's name where one fires the event, else the event's name. */
const historyAction = (event: ReleaseEvent) => actionOfEvent.get(event) ?? event;

/** Throws 409 `INVALID_TRANSITION` unless the state machine allows `event` in the row's state. */
export function ensureTransition(row: Pick<ReleaseRow, 'state'>, event: ReleaseEvent, action: string): void {
  if (!nextState(row.state, event)) {
    throw new ApiError('INVALID_TRANSITION', `A release in state ${row.state} cannot be sent to ${action}`);
  }
}

export interface TransitionContext {
  /** The user who acted; null for the system (deliveries, the sweeper). */
  actor: { id: string } | null;
  reasons?: Array<{ rule: string; message: string }> | undefined;
  now: Date;
}

/**
 * Moves a release along the state machine (workflow.ts) and records the move in its history, in `tx`. The
 * UPDATE only matches while the row is still in the state the caller read, so two racing callers never both
 * apply a transition. Null when the machine refuses the event or the row moved meanwhile.
 */
export async function transitionRelease(
  tx: Orm,
  row: Pick<ReleaseRow, 'id' | 'state'>,
  event: ReleaseEvent,
  { actor, reasons, now }: TransitionContext,
): Promise<ReleaseRow | null> {
  const to = nextState(row.state, event);
  if (!to) return null;
  const [updated] = await tx
    .update(releases)
    .set({ state: to, updatedAt: now })
    .where(and(eq(releases.id, row.id), eq(releases.state, row.state)))
    .returning();
  if (!updated) return null;
  await recordEvent(
    tx,
    {
      releaseId: row.id,
      actorId: actor?.id ?? null,
      action: historyAction(event),
      from: row.state,
      to,
      ...(reasons ? { reasons } : {}),
    },
    now,
  );
  return updated;
}

/** As `transitionRelease`, but a refusal is a 409 for the caller that read the row under its lock. */
export async function transitionReleaseOrThrow(
  tx: Orm,
  row: Pick<ReleaseRow, 'id' | 'state'>,
  event: ReleaseEvent,
  context: TransitionContext,
): Promise<ReleaseRow> {
  const updated = await transitionRelease(tx, row, event, context);
  if (!updated)
    throw new ApiError('INVALID_TRANSITION', 'The release changed state meanwhile; read it again');
  return updated;
}

/**
 * From the first upload of a `new` or `update` message on, the partner holds the identifiers: UPC, ISRCs,
 * track order and type are frozen (releases/service.ts refuses to change them).
 */
export async function markFirstDelivered(tx: Orm, releaseId: string, now: Date): Promise<void> {
  await tx
    .update(releases)
    .set({ firstDeliveredAt: now })
    .where(and(eq(releases.id, releaseId), isNull(releases.firstDeliveredAt)));
}
