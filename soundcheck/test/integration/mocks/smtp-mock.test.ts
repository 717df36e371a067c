import nodemailer from 'nodemailer';
import { SmtpMock } from 'soundcheck/mocks/smtp-mock.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const mock = new SmtpMock();
beforeAll(() => mock.start());
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

const transport = () =>
  nodemailer.createTransport({ url: mock.url, tls: { rejectUnauthorized: false } } as never);

describe('the SMTP capture mock', { tags: ['integration', 'harness', 'notifications'] }, () => {
  test('captures recipients, subject, text and HTML of a multipart message', async () => {
    await transport().sendMail({
      from: 'Soundcheck <noreply@soundcheck.test>',
      to: ['Reviewer@Example.com', 'second@example.com'],
      subject: 'Release « Racine carrée » submitted',
      text: 'A release waits for review.\nLine two é',
      html: '<p>A release waits for <b>review</b>.</p>',
    });
    expect(mock.messages).toHaveLength(1);
    expect(mock.messages[0]).toMatchObject({
      from: 'noreply@soundcheck.test',
      to: ['reviewer@example.com', 'second@example.com'],
      subject: 'Release « Racine carrée » submitted',
      text: 'A release waits for review.\nLine two é',
      html: '<p>A release waits for <b>review</b>.</p>',
    });
    expect(mock.to('second@example.com')).toHaveLength(1);
  });

  test('a status scenario rejects the message with that SMTP code', async () => {
    mock.scenario({ status: 550, times: 1 });
    await expect(
      transport().sendMail({ from: 'a@b.test', to: 'c@d.test', subject: 's', text: 't' }),
    ).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(mock.messages).toEqual([]);
  });

  test('waitFor resolves once the expected number arrived', async () => {
    const waiting = mock.waitFor(1, 2000);
    await transport().sendMail({ from: 'a@b.test', to: 'c@d.test', subject: 'later', text: 't' });
    expect((await waiting).map((mail) => mail.subject)).toEqual(['later']);
  });
});
