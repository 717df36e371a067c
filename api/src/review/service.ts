import type { Actor } from '../auth/actor.ts';
import type { Orm } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import { notifyWorkflowAction } from '../notifications/workflow-notifications.ts';
import { authorize, ensureVisible } from '../policy/authorize.ts';
import { validateRelease } from '../qc/validate.ts';
import { findRelease, type ReleaseRow } from '../releases/repository.ts';
import { fullRelease } from '../releases/service.ts';
import { ensureTransition, transitionReleaseOrThrow } from '../releases/transition.ts';
import { actionEvents } from '../workflow/release-workflow.ts';
import { qcContextAt, qcSnapshot } from './qc-snapshot.ts';

/** The workflow actions run here; distribute, revise and takedown create deliveries (deliveries/release-actions.ts). */
export const releaseActions = [
  'submit',
  'withdraw',
  'start-review',
  'request-changes',
  'approve',
  'archive',
] as const;
export type ImplementedAction = (typeof releaseActions)[number];

export type Reasons = Array<{ rule: string; message: string }>;

/** Business guards of a transition: 422 with `errors` when one refuses. */
async function checkGuards(orm: Orm, actor: Actor, action: ImplementedAction, row: ReleaseRow, now: Date) {
  switch (action) {
    case 'submit': {
      const report = validateRelease(await qcSnapshot(orm, row), qcContextAt(now));
      const blocking = report.findings.filter((finding) => finding.severity === 'block');
      if (blocking.length > 0) {
        throw new ApiError(
          'BUSINESS_RULE_VIOLATED',
          'The release has blocking QC findings; fix them and submit again',
          {
            errors: blocking.map((finding) => ({
              field: finding.field,
              code: finding.rule,
              message: finding.message,
            })),
          },
        );
      }
      return;
    }
    case 'approve':
      // Four-eyes: nobody approves a release they created — admins included.
      if (row.createdBy === actor.id) {
        throw new ApiError(
          'BUSINESS_RULE_VIOLATED',
          'You created this release; another reviewer must approve it',
          {
            errors: [
              { field: 'createdBy', code: 'FOUR_EYES', message: 'The approver must not be the creator' },
            ],
          },
        );
      }
      return;
    case 'withdraw':
    case 'start-review':
    case 'request-changes':
    case 'archive':
      return;
  }
}

/**
 * Runs one workflow action atomically: the release row is locked (SELECT … FOR UPDATE) for the checks,
 * the state change and its audit entry, so two racing actions produce exactly one transition.
 * Order of checks: visibility (404) → role (403) → state (409) → guards (422).
 */
export async function runReleaseAction(
  deps: Deps,
  actor: Actor,
  id: string,
  action: ImplementedAction,
  reasons?: Reasons,
) {
  const release = await deps.db.orm.transaction(async (tx) => {
    const row = ensureVisible(actor, 'release:read', await findRelease(tx, id, true), 'Release');
    authorize(actor, `release:${action}`, row);
    ensureTransition(row, actionEvents[action], action);
    const now = deps.clock.now();
    await checkGuards(tx, actor, action, row, now);
    const updated = await transitionReleaseOrThrow(tx, row, actionEvents[action], { actor, reasons, now });
    return fullRelease(tx, updated);
  });
  // After the commit, so the e-mail job reads the new state; queuing never throws (notifications/).
  await notifyWorkflowAction(deps, action, id, reasons);
  return release;
}

/** POST /v1/releases/{id}/validate: the QC report of the release as it stands. */
export async function validateReleaseNow(deps: Deps, actor: Actor, id: string) {
  const row = ensureVisible(actor, 'release:read', await findRelease(deps.db.orm, id), 'Release');
  return validateRelease(await qcSnapshot(deps.db.orm, row), qcContextAt(deps.clock.now()));
}
