import type { Config } from '../config.ts';
import { logMailer, type Mailer, smtpMailer } from './mailer.ts';

/** SMTP when SMTP_URL is set; otherwise e-mail is written to the log only (the embedded default). */
export function openMailer(config: Config, log: (details: object, message: string) => void): Mailer {
  if (config.smtpUrl) return smtpMailer(config.smtpUrl, config.smtpFrom);
  return logMailer((message) =>
    log({ to: message.to, subject: message.subject }, 'e-mail not sent: SMTP_URL is not set'),
  );
}
