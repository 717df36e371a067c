import { connect, isIP, type Socket } from 'node:net';
import type { RawResponse } from './http1-head.ts';
import { ResponseParser } from './http1-parser.ts';

/**
 * A request as it goes on the wire: its head (request line and headers) and optional body. A head
 * without a body may be bytes made once and written again and again.
 */
export type WireRequest =
  | { head: string; payload: Buffer | string | undefined; bodiless: boolean }
  | { head: Buffer; payload: undefined; bodiless: boolean };

/** The sender's side of one request: told once, of its answer or of why none came. */
export interface Exchange {
  answered(response: RawResponse): void;
  failed(error: Error): void;
}

interface InFlight {
  request: WireRequest;
  deadline: number;
  exchange: Exchange;
}

/** A socket-level failure, with a code `classifyError` knows. */
export class ConnectionError extends Error {
  override name = 'ConnectionError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Node's servers close keep-alive sockets idle for 5 s; one idle this long is opened again first. */
const STALE_AFTER_MS = 4000;

/**
 * One keep-alive HTTP/1.1 connection, opened when first needed and again after it closes. Requests
 * are written at once (pipelined when several are given); answers come back in order.
 */
export class Connection {
  private socket: Socket | null = null;
  private readonly inFlight: InFlight[] = [];
  private lastUsed = 0;

  private readonly origin: { host: string; port: number; tls: boolean };
  private readonly now: () => number;

  constructor(origin: { host: string; port: number; tls: boolean }, now: () => number) {
    this.origin = origin;
    this.now = now;
  }

  /** Writes `request`; `exchange` hears of its answer (in order) or of the connection failing. */
  send(request: WireRequest, timeoutMs: number, exchange: Exchange): void {
    const now = this.now();
    if (this.socket && this.inFlight.length === 0 && now - this.lastUsed > STALE_AFTER_MS) this.drop(null);
    this.lastUsed = now;
    const socket = this.socket ?? this.open();
    this.inFlight.push({ request, deadline: now + timeoutMs, exchange });
    const { head, payload } = request;
    if (payload === undefined) socket.write(head);
    else if (typeof payload === 'string' && typeof head === 'string') socket.write(head + payload);
    else {
      socket.cork();
      socket.write(head);
      socket.write(payload);
      socket.uncork();
    }
  }

  /** Fails the connection's requests when the oldest waited past its deadline. */
  checkTimeout(now: number): void {
    const oldest = this.inFlight[0];
    if (oldest && now > oldest.deadline)
      this.drop(new ConnectionError('ETIMEDOUT', 'no complete answer within the timeout'));
  }

  /** Closes the socket; requests in flight fail with `error`. */
  drop(error: Error | null): void {
    const { socket } = this;
    this.socket = null;
    socket?.destroy();
    const failed = this.inFlight.splice(0);
    for (const request of failed)
      request.exchange.failed(error ?? new ConnectionError('ECONNRESET', 'the connection was closed'));
  }

  private open(): Socket {
    const { host, port, tls } = this.origin;
    // node:tls (and with it node:crypto) loads only for an https target: ~100 ms of start-up otherwise.
    const socket = tls
      ? process
          .getBuiltinModule('node:tls')
          .connect({ host, port, ALPNProtocols: ['http/1.1'], ...(isIP(host) ? {} : { servername: host }) })
      : connect({ host, port });
    socket.setNoDelay(true);
    this.socket = socket;
    const parser = new ResponseParser(
      (response) => this.answered(socket, response),
      () => this.inFlight[0]?.request.bodiless ?? false,
    );
    const mine = () => this.socket === socket;
    socket.on('data', (chunk: Buffer) => {
      if (!mine()) return;
      try {
        parser.feed(chunk);
      } catch (error) {
        this.drop(error as Error);
      }
    });
    socket.on('end', () => {
      if (!mine()) return;
      const cut = parser.end();
      if (cut || this.inFlight.length > 0)
        this.drop(new ConnectionError('ECONNRESET', cut ?? 'the target closed the connection'));
      else this.drop(null);
    });
    socket.on('error', (error) => {
      if (mine()) this.drop(error);
    });
    socket.on('close', () => {
      if (mine()) this.drop(new ConnectionError('ECONNRESET', 'the target closed the connection'));
    });
    return socket;
  }

  private answered(socket: Socket, response: RawResponse): void {
    const request = this.inFlight.shift();
    if (!request) {
      this.drop(new ConnectionError('HPE_INVALID_RESPONSE', 'an answer to no request'));
      return;
    }
    if (response.closes && this.socket === socket) {
      this.socket = null;
      socket.end();
      const behind = this.inFlight.splice(0);
      for (const other of behind)
        other.exchange.failed(new ConnectionError('ECONNRESET', 'the target closed the connection'));
    }
    request.exchange.answered(response);
  }
}
