import { renderNotification } from '@soundcheck/api/notifications/templates.ts';
import { describe, expect, test } from 'vitest';

const url = 'https://api.example/v1/releases/r1';

describe('notification e-mail templates', { tags: ['unit', 'notifications'] }, () => {
  test('release submitted: subject, plain text and HTML bodies', () => {
    expect(
      renderNotification(
        { kind: 'release_submitted', releaseId: 'r1', releaseTitle: 'Racine carrée', labelName: 'Mosaert' },
        ['rev@example.com'],
        url,
      ),
    ).toEqual({
      to: ['rev@example.com'],
      subject: 'Release “Racine carrée” submitted for review',
      text: `Mosaert submitted the release “Racine carrée”. It is waiting for a reviewer.\n\nRelease: ${url}`,
      html: `<p>Mosaert submitted the release “Racine carrée”. It is waiting for a reviewer.</p>\n<p><a href="${url}">Open the release</a></p>`,
    });
  });

  test('user-supplied text is escaped in HTML and kept as is in plain text', () => {
    const mail = renderNotification(
      {
        kind: 'delivery_rejected',
        releaseId: 'r1',
        releaseTitle: '<script>x</script>',
        partnerName: 'DSP "One"',
        reason: 'a & b',
      },
      ['m@example.com'],
      url,
    );
    expect(mail.subject).toBe('DSP "One" rejected “<script>x</script>”');
    expect(mail.html).toBe(
      `<p>DSP &quot;One&quot; rejected the delivery of “&lt;script&gt;x&lt;/script&gt;”.</p>\n<p>Reason: a &amp; b</p>\n<p><a href="${url}">Open the release</a></p>`,
    );
    expect(mail.text).toContain('Reason: a & b');
  });

  test.each([
    [{ kind: 'release_approved', releaseId: 'r1', releaseTitle: 'T' }, 'Release “T” approved'],
    [
      { kind: 'delivery_failed', releaseId: 'r1', releaseTitle: 'T', partnerName: 'P', reason: 'timeout' },
      'Delivery of “T” to P failed',
    ],
    [
      { kind: 'takedown_complete', releaseId: 'r1', releaseTitle: 'T', partnerName: 'P' },
      'Takedown of “T” from P complete',
    ],
  ] as const)('%o → %s', (event, subject) => {
    expect(renderNotification(event, ['x@example.com'], url).subject).toBe(subject);
  });
});
