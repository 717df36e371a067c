import type { MailMessage } from './mailer.ts';

/** What happened, with what the e-mail needs to say it. */
export type NotificationEvent =
  | { kind: 'release_submitted'; releaseId: string; releaseTitle: string; labelName: string }
  | {
      kind: 'changes_requested';
      releaseId: string;
      releaseTitle: string;
      reasons: Array<{ rule: string; message: string }>;
    }
  | { kind: 'release_approved'; releaseId: string; releaseTitle: string }
  | { kind: 'delivery_failed'; releaseId: string; releaseTitle: string; partnerName: string; reason: string }
  | {
      kind: 'delivery_rejected';
      releaseId: string;
      releaseTitle: string;
      partnerName: string;
      reason: string;
    }
  | { kind: 'takedown_complete'; releaseId: string; releaseTitle: string; partnerName: string };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

interface Body {
  subject: string;
  /** Paragraphs, plain text; the HTML body is built from the same lines, escaped. */
  lines: string[];
  list?: string[];
}

function body(event: NotificationEvent): Body {
  const title = `“${event.releaseTitle}”`;
  switch (event.kind) {
    case 'release_submitted':
      return {
        subject: `Release ${title} submitted for review`,
        lines: [`${event.labelName} submitted the release ${title}. It is waiting for a reviewer.`],
      };
    case 'changes_requested':
      return {
        subject: `Changes requested on ${title}`,
        lines: [`A reviewer asked for changes to ${title} before it can be approved:`],
        list: event.reasons.map((reason) => `${reason.rule}: ${reason.message}`),
      };
    case 'release_approved':
      return {
        subject: `Release ${title} approved`,
        lines: [`${title} passed review and can now be distributed.`],
      };
    case 'delivery_failed':
      return {
        subject: `Delivery of ${title} to ${event.partnerName} failed`,
        lines: [
          `The delivery of ${title} to ${event.partnerName} failed for good after its retries.`,
          `Last error: ${event.reason}`,
        ],
      };
    case 'delivery_rejected':
      return {
        subject: `${event.partnerName} rejected ${title}`,
        lines: [`${event.partnerName} rejected the delivery of ${title}.`, `Reason: ${event.reason}`],
      };
    case 'takedown_complete':
      return {
        subject: `Takedown of ${title} from ${event.partnerName} complete`,
        lines: [`${event.partnerName} confirmed that ${title} was taken down.`],
      };
  }
}

/** Subject, plain-text and HTML bodies of the e-mail for an event; every user-supplied value is escaped in HTML. */
export function renderNotification(event: NotificationEvent, to: string[], releaseUrl: string): MailMessage {
  const { subject, lines, list = [] } = body(event);
  const text = [...lines, ...list.map((item) => `- ${item}`), '', `Release: ${releaseUrl}`].join('\n');
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(list.length ? [`<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`] : []),
    `<p><a href="${escapeHtml(releaseUrl)}">Open the release</a></p>`,
  ].join('\n');
  return { to, subject, text, html };
}
