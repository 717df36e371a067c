import { type ApiRequest, encode, parse } from '../client/http-client.ts';
import type { RawResponse } from './http1-head.ts';
import { Connection, ConnectionError, type Exchange, type WireRequest } from './http1-pool.ts';
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
function wireRequest(request: ApiRequest, basePath: string, host: string): WireRequest & { head: string } {
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
 * Requests without headers or a body of their own (the same for every VU) as bytes, made once per method
 * and path: writing a Buffer skips building and encoding the head's string at every request.
 */
class WireCache {
  private readonly byMethod = new Map<string, Map<string, WireRequest>>();
  private size = 0;
  private readonly basePath: string;
  private readonly host: string;
  constructor(basePath: string, host: string) {
    this.basePath = basePath;
    this.host = host;
  }

  wire(request: ApiRequest): WireRequest {
    if (request.headers !== undefined || request.body !== undefined || request.payload !== undefined)
      return wireRequest(request, this.basePath, this.host);
    let byPath = this.byMethod.get(request.method);
    if (!byPath) {
      byPath = new Map();
      this.byMethod.set(request.method, byPath);
    }
    let wire = byPath.get(request.path);
    if (!wire) {
      const made = wireRequest(request, this.basePath, this.host);
      wire = { head: Buffer.from(made.head), payload: undefined, bodiless: made.bodiless };
      if (++this.size > 10_000) {
        this.byMethod.clear(); // paths with ids vary without end: bound the cache
        this.size = 0;
      }
      byPath.set(request.path, wire);
    }
    return wire;
  }
}

/** One request out on a connection: settles the sender's promise and frees the connection's place. */
class PendingRequest implements Exchange {
  private readonly places: Places;
  private readonly connection: Connection;
  private readonly sentAt: number;
  private readonly resolve: (sent: Sent) => void;
  private readonly reject: (error: unknown) => void;
  constructor(
    places: Places,
    connection: Connection,
    sentAt: number,
    resolve: (sent: Sent) => void,
    reject: (error: unknown) => void,
  ) {
    this.places = places;
    this.connection = connection;
    this.sentAt = sentAt;
    this.resolve = resolve;
    this.reject = reject;
  }
  answered(response: RawResponse): void {
    this.places.give(this.connection);
    this.resolve(new Answer(response, this.sentAt));
  }
  failed(error: Error): void {
    this.places.give(this.connection);
    this.reject(new TransportError(classifyError(error), error.message, { cause: error }));
  }
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
  const wires = new WireCache(origin.pathname.replace(/\/$/, ''), origin.host);
  const tick = Math.min(1000, Math.max(5, options.timeoutMs / 10));
  const timer = setInterval(() => {
    const now = options.now();
    for (const connection of connections) connection.checkTimeout(now);
  }, tick);
  timer.unref();
  const answer = (connection: Connection, wire: WireRequest): Promise<Sent> =>
    new Promise((resolve, reject) => {
      const pending = new PendingRequest(places, connection, options.now(), resolve, reject);
      connection.send(wire, options.timeoutMs, pending);
    });
  const send: Sender = (request) => {
    let wire: WireRequest;
    try {
      wire = wires.wire(request);
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
