import { Pool } from 'undici';
import { type ApiRequest, encode, parse } from '../client/http-client.ts';
import type { ErrorKind } from './result-types.ts';

/** An answered request and the moment it actually went out (after waiting for a free connection). */
export interface Sent {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: unknown;
  sentAt: number;
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

/** undici's raw header list (name, value, name, value…) as one lower-case string per name. */
function headersOf(raw: Buffer[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase();
    const value = String(raw[i + 1]);
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** FIFO of callers waiting for one of `size` slots: "actual send" is when a request gets one. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  acquire(): Promise<void> | undefined {
    if (this.free > 0) {
      this.free--;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

export interface PoolOptions {
  connections: number;
  pipelining: number;
  timeoutMs: number;
  now: () => number;
}

/** An undici pool with keep-alive to one origin, and at most connections × pipelining requests out. */
export function poolSender(baseUrl: string, options: PoolOptions): { send: Sender; close(): Promise<void> } {
  const origin = new URL(baseUrl);
  const pool = new Pool(origin.origin, {
    connections: options.connections,
    pipelining: options.pipelining,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connectTimeout: options.timeoutMs,
    keepAliveTimeout: 30_000,
  });
  const slots = new Slots(options.connections * Math.max(1, options.pipelining));
  const basePath = origin.pathname.replace(/\/$/, '');
  const send: Sender = async (request) => {
    const waited = slots.acquire();
    if (waited) await waited;
    const sentAt = options.now();
    try {
      const { headers, payload } = encode(request);
      return await new Promise<Sent>((resolve, reject) => {
        let status = 0;
        let responseHeaders: Record<string, string> = {};
        const chunks: Buffer[] = [];
        // dispatch with a handler, not request(): no stream per response, about twice the rate.
        pool.dispatch(
          { path: basePath + request.path, method: request.method as 'GET', headers, body: payload ?? null },
          {
            onConnect() {},
            onHeaders(statusCode, rawHeaders) {
              status = statusCode;
              responseHeaders = headersOf(rawHeaders);
              return true;
            },
            onData(chunk) {
              chunks.push(chunk);
              return true;
            },
            onComplete() {
              const text = Buffer.concat(chunks).toString('utf8');
              const body = parse(text, responseHeaders['content-type']);
              resolve({ status, headers: responseHeaders, text, body, sentAt });
            },
            onError(error) {
              reject(error);
            },
          },
        );
      });
    } catch (error) {
      throw new TransportError(classifyError(error), (error as Error).message, { cause: error });
    } finally {
      slots.release();
    }
  };
  return { send, close: () => pool.destroy() };
}
