import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { parseMail } from './mime.ts';
import { type MockService, notStarted } from './mock-service.ts';
import { type Scenario, ScenarioBook } from './scenario.ts';

/** One message as the SMTP mock captured it. */
export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  raw: string;
  at: number;
}

class SmtpReject extends Error {
  responseCode: number;
  constructor(code: number, message: string) {
    super(message);
    this.responseCode = code;
  }
}

/**
 * An SMTP server that captures every message. Scenarios (key `*`) apply at DATA: `status` rejects with
 * that SMTP code, `rateLimit` with 421, `delayMs` waits, `dropConnection` closes the socket.
 */
export class SmtpMock implements MockService {
  readonly name: string;
  readonly messages: CapturedMail[] = [];
  readonly #scenarios = new ScenarioBook();
  readonly #waiters: Array<{ count: number; resolve: () => void }> = [];
  readonly #sockets = new Set<Socket>();
  #server: SMTPServer | null = null;
  #url: string | null = null;

  constructor(name = 'smtp') {
    this.name = name;
  }

  get url(): string {
    return this.#url ?? notStarted(this.name);
  }

  scenario(scenario: Scenario): this {
    this.#scenarios.set('*', scenario);
    return this;
  }

  /** Messages sent to `address`. */
  to(address: string): CapturedMail[] {
    return this.messages.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Resolves once at least `count` messages were captured, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<CapturedMail[]> {
    if (this.messages.length < count) {
      const arrived = new Promise<void>((resolve) => this.#waiters.push({ count, resolve }));
      const timeout = sleep(timeoutMs).then(() => {
        throw new Error(
          `SMTP mock got ${this.messages.length} of ${count} expected messages in ${timeoutMs} ms`,
        );
      });
      await Promise.race([arrived, timeout]);
    }
    return this.messages;
  }

  reset(): void {
    this.messages.length = 0;
    this.#scenarios.clear();
  }

  async start(): Promise<void> {
    if (this.#server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.#accept(Buffer.concat(chunks).toString('utf8'), session).then(
            () => callback(),
            (error: Error) => callback(error),
          );
        });
      },
    });
    server.on('error', () => {});
    const tcp = (server as unknown as { server: NetServer }).server;
    tcp.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    const address = tcp.address() as AddressInfo;
    this.#url = `smtp://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #accept(raw: string, session: SMTPServerSession): Promise<void> {
    const scenario = this.#scenarios.take('*');
    if (scenario?.delayMs) await sleep(scenario.delayMs);
    if (scenario?.dropConnection) {
      for (const socket of this.#sockets) if (socket.remotePort === session.remotePort) socket.destroy();
      throw new SmtpReject(421, 'connection dropped by mock');
    }
    if (scenario?.rateLimit) throw new SmtpReject(421, 'Too many messages, try again later');
    if (scenario?.status) throw new SmtpReject(scenario.status, scenario.body ?? 'rejected by mock scenario');
    const mail = parseMail(raw);
    this.messages.push({
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address.toLowerCase() : '',
      to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      raw,
      at: Date.now(),
    });
    for (const waiter of [...this.#waiters]) {
      if (this.messages.length >= waiter.count) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}
