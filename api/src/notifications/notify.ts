import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { labels } from '../labels/tables.ts';
import { releases } from '../releases/tables.ts';
import { users } from '../users/tables.ts';
import { type NotificationEvent, renderNotification } from './templates.ts';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** What a caller says happened; the job looks up the release, its label and the recipients. */
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

async function recipients(deps: Deps, job: NotificationJob, release: { labelId: string; createdBy: string }) {
  const active = and(eq(users.active, true), isNull(users.deletedAt));
  const where = (() => {
    switch (job.kind) {
      case 'release_submitted':
        return and(active, eq(users.role, 'reviewer'));
      case 'changes_requested':
      case 'release_approved':
        return and(active, eq(users.id, release.createdBy));
      case 'delivery_failed':
      case 'delivery_rejected':
      case 'takedown_complete':
        return and(active, eq(users.role, 'label_manager'), eq(users.labelId, release.labelId));
    }
  })();
  const rows = await deps.db.orm.select({ email: users.email }).from(users).where(where);
  return rows.map((row) => row.email).sort();
}

/** The job: renders and sends one e-mail to everyone concerned (nothing when nobody is). */
export async function sendNotification(deps: Deps, job: NotificationJob): Promise<void> {
  const [release] = await deps.db.orm
    .select({
      title: releases.title,
      labelId: releases.labelId,
      createdBy: releases.createdBy,
      labelName: labels.name,
    })
    .from(releases)
    .innerJoin(labels, eq(labels.id, releases.labelId))
    .where(eq(releases.id, job.releaseId));
  if (!release) return; // deleted since: nothing to say
  const to = await recipients(deps, job, release);
  if (!to.length) return;
  const base = { releaseId: job.releaseId, releaseTitle: release.title };
  const event: NotificationEvent =
    job.kind === 'release_submitted'
      ? { ...base, kind: job.kind, labelName: release.labelName }
      : { ...job, ...base };
  await deps.mailer.send(
    renderNotification(event, to, `${deps.config.publicUrl}/v1/releases/${job.releaseId}`),
  );
}
