import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import { labels } from '../labels/tables.ts';
import type { NotificationJob } from '../notifications/notify.ts';
import { type NotificationEvent, renderNotification } from '../notifications/templates.ts';
import { releases } from '../releases/tables.ts';
import { users } from '../users/tables.ts';

/**
 * The job side of notifications: who receives an event (API.md, Notifications) and the e-mail they get.
 * It lives with the jobs because it reads releases, labels and users, which themselves queue notifications.
 */
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
