import type { Deps } from '../deps.ts';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** What a caller says happened; the job (jobs/send-notification.ts) looks up the release, its label and the recipients. */
export type NotificationJob =
  | { kind: 'release_submitted'; releaseId: string }
  | { kind: 'release_approved'; releaseId: string }
  | { kind: 'changes_requested'; releaseId: string; reasons: Array<{ rule: string; message: string }> }
  | { kind: 'delivery_failed' | 'delivery_rejected'; releaseId: string; partnerName: string; reason: string }
  | { kind: 'takedown_complete'; releaseId: string; partnerName: string };

type NotifyDeps = Pick<Deps, 'queue'> & { log?: { error(details: object, message: string): void } };

/**
 * Queues an e-mail for an event. Never throws: a notification that cannot even be queued is logged, and
 * the user's request that caused it still succeeds. `eventId` makes the enqueue idempotent.
 */
export async function notify(deps: NotifyDeps, job: NotificationJob, eventId: string): Promise<void> {
  try {
    await deps.queue.add(NOTIFICATIONS_QUEUE, job, {
      jobId: `${job.kind}:${eventId}`,
      attempts: 5,
      backoffMs: 2000,
    });
  } catch (error) {
    deps.log?.error({ err: error, notification: job.kind }, 'notification could not be queued');
  }
}
