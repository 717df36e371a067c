import { type ApiRequest, encode, parse } from '../client/http-client.ts';
import type { RawResponse } from './http1-head.ts';
import { Connection, ConnectionError, type WireRequest } from './http1-pool.ts';
import type { ErrorKind } from './result-types.ts';

/** An answered request and the moment it actually went out (after waiting for a free connection). */
export interface Sent {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: unknown;
  sentAt: number;
}

const UNREAD = Symbol('unread');

/**
 * A `Sent` read off our own connection: headers, text and JSON are made when a scenario first reads
 * them. A load scenario mostly reads the status (or nothing), and decoding every body cost the engine
 * its lead over autocannon.
 */
class Answer implements Sent {
  readonly status: number;
  readonly sentAt: number;
  private readonly raw: RawResponse;
  private decoded: string | undefined;
  private parsed: unknown = UNREAD;

  constructor(raw: RawResponse, sentAt: number) {
    this.raw = raw;
    this.status = raw.status;
    this.sentAt = sentAt;
  }
  get headers(): Record<string, string> {
    return this.raw.headers;
  }
  get text(): string {
    this.decoded ??= this.raw.body.toString('utf8');
    return this.decoded;
  }
  get body(): unknown {
    if (this.parsed === UNREAD) this.parsed = parse(this.text, this.raw.headers['content-type']);
    return this.parsed;
  }
}

/** Sends one request; rejects with a `TransportError` when no HTTP answer came. */
export type Sender = (request: ApiRequest) => Promise<Sent>;

/** A request that got no answer, with the kind the summary counts it under. */
export class TransportError extends Error {
  override name = 'TransportError';
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

const KIND_BY_CODE: Record<string, ErrorKind> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol',
  UND_ERR_INFO: 'protocol',
  HPE_INVALID_RESPONSE: 'protocol',
};

/** The kind of a transport failure, following its causes (undici wraps socket errors). */
export function classifyError(error: unknown): ErrorKind {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = String((current as { code?: unknown }).code ?? '');
    if (KIND_BY_CODE[code]) return KIND_BY_CODE[code];
    if (code.startsWith('HPE_') || (current as Error).name === 'HTTPParserError') return 'protocol';
    current = (current as { cause?: unknown }).cause;
  }
  return 'other';
}

/** A connection's free place for one request; callers wait in order when there is none. */
class Places {
  private readonly free: Connection[] = [];
  private readonly waiting: Array<(connection: Connection) => void> = [];
  constructor(connections: Connection[], pipelining: number) {
    // Last in, first out: at low rates a few connections stay warm instead of all going stale.
    for (let round = 0; round < pipelining; round++) this.free.push(...[...connections].reverse());
  }
  take(): Connection | Promise<Connection> {
    return this.free.pop() ?? new Promise((resolve) => this.waiting.push(resolve));
  }
  give(connection: Connection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.free.push(connection);
  }
}

export interface PoolOptions {
  connections: number;
  pipelining: number;
  timeoutMs: number;
  now: () => number;
}

const hasBody = (method: string) => method === 'POST' || method === 'PUT' || method === 'PATCH';

/** The request line and headers of `request` to `host`, and its body. */
function wireRequest(request: ApiRequest, basePath: string, host: string): WireRequest {
  const { headers, payload } = encode(request);
  let head = `${request.method} ${basePath}${request.path} HTTP/1.1\r\nhost: ${host}\r\n`;
  for (const name in headers) {
    const value = headers[name] as string;
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value))
      throw new TransportError('other', `header ${JSON.stringify(name)} holds a line break`);
    head += `${name}: ${value}\r\n`;
  }
  if (payload !== undefined) head += `content-length: ${Buffer.byteLength(payload)}\r\n`;
  else if (hasBody(request.method)) head += 'content-length: 0\r\n';
  return { head: `${head}\r\n`, payload, bodiless: request.method === 'HEAD' };
}

/**
 * Keep-alive HTTP/1.1 connections to one origin, at most `connections` × `pipelining` requests out.
 * Our own sockets and parser rather than undici's pool: the engine must outrun autocannon, and undici
 * spends a loop turn before it reuses each socket (`npm run bench:load` compares them).
 */
export function poolSender(baseUrl: string, options: PoolOptions): { send: Sender; close(): Promise<void> } {
  const origin = new URL(baseUrl);
  const tls = origin.protocol === 'https:';
  const address = {
    host: origin.hostname.replace(/^\[|\]$/g, ''),
    port: Number(origin.port || (tls ? 443 : 80)),
    tls,
  };
  const connections = Array.from({ length: options.connections }, () => new Connection(address, options.now));
  const places = new Places(connections, Math.max(1, options.pipelining));
  const basePath = origin.pathname.replace(/\/$/, '');
  const tick = Math.min(1000, Math.max(5, options.timeoutMs / 10));
  const timer = setInterval(() => {
    const now = options.now();
    for (const connection of connections) connection.checkTimeout(now);
  }, tick);
  timer.unref();
  const answer = (connection: Connection, wire: WireRequest): Promise<Sent> => {
    const sentAt = options.now();
    return connection.send(wire, options.timeoutMs).then(
      (raw) => {
        places.give(connection);
        return new Answer(raw, sentAt);
      },
      (error: unknown) => {
        places.give(connection);
        throw new TransportError(classifyError(error), (error as Error).message, { cause: error });
      },
    );
  };
  const send: Sender = (request) => {
    let wire: WireRequest;
    try {
      wire = wireRequest(request, basePath, origin.host);
    } catch (error) {
      return Promise.reject(error);
    }
    const place = places.take();
    return place instanceof Connection ? answer(place, wire) : place.then((c) => answer(c, wire));
  };
  return {
    send,
    close: async () => {
      clearInterval(timer);
      for (const connection of connections)
        connection.drop(new ConnectionError('UND_ERR_DESTROYED', 'the run stopped'));
    },
  };
}
