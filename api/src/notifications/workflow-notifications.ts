import type { Deps } from '../deps.ts';
import { type NotificationJob, notify } from './notify.ts';

/** Which workflow actions e-mail someone (API.md, "Notifications"); the others send nothing. */
function jobFor(
  action: string,
  releaseId: string,
  reasons?: Array<{ rule: string; message: string }>,
): NotificationJob | null {
  switch (action) {
    case 'submit':
      return { kind: 'release_submitted', releaseId };
    case 'request-changes':
      return { kind: 'changes_requested', releaseId, reasons: reasons ?? [] };
    case 'approve':
      return { kind: 'release_approved', releaseId };
    default:
      return null;
  }
}

/**
 * Called once a workflow action has committed: queues its e-mail. Never throws, so a mail problem can
 * never fail the action that caused it.
 */
export async function notifyWorkflowAction(
  deps: Pick<Deps, 'queue' | 'clock'>,
  action: string,
  releaseId: string,
  reasons?: Array<{ rule: string; message: string }>,
): Promise<void> {
  const job = jobFor(action, releaseId, reasons);
  if (job) await notify(deps, job, `${releaseId}:${action}:${deps.clock.now().toISOString()}`);
}
