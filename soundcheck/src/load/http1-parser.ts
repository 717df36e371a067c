import { type Head, ProtocolError, RawResponse, readHead } from './http1-head.ts';

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const HTTP_PREFIX = 'HTTP/';
const MAX_HEAD_BYTES = 64 * 1024;

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close';

/**
 * An incremental HTTP/1.1 response parser for the load engine's connections: status line and headers,
 * then a body by content-length, chunked, or until the connection closes. Feed it what the socket
 * reads; it calls back once per complete response, in order (pipelined responses included).
 */
export class ResponseParser {
  private state: State = 'head';
  private leftover: Buffer | null = null;
  private status = 0;
  private headText = '';
  private closes = false;
  private readonly parts: Buffer[] = [];
  private remaining = 0;
  /** Bytes of a response that has begun: a close now cuts it short. */
  private started = false;

  /** `bodiless()` says whether the request being answered is one without a body in its answer (HEAD). */
  private readonly onResponse: (response: RawResponse) => void;
  private readonly bodiless: () => boolean;
  constructor(onResponse: (response: RawResponse) => void, bodiless: () => boolean = () => false) {
    this.onResponse = onResponse;
    this.bodiless = bodiless;
  }

  /** Reads bytes from the socket; throws `ProtocolError` when they are not an HTTP response. */
  feed(chunk: Buffer): void {
    const buffer = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk;
    this.leftover = null;
    let at = 0;
    while (at < buffer.length) {
      this.started = true;
      const next = this.step(buffer, at);
      if (next < 0) {
        this.leftover = buffer.subarray(at);
        return;
      }
      at = next;
    }
  }

  /**
   * The connection ended: a body read until the close is complete; a response cut short gives the
   * reason (null when the close came between responses).
   */
  end(): string | null {
    if (this.state === 'until-close') {
      this.finish();
      return null;
    }
    return this.started || this.leftover
      ? 'the target closed the connection in the middle of a response'
      : null;
  }

  /** One step from `at`: the offset after what it consumed, or -1 when it needs more bytes. */
  private step(buffer: Buffer, at: number): number {
    switch (this.state) {
      case 'head': {
        const end = buffer.indexOf(HEAD_END, at);
        if (end < 0) {
          const seen = buffer.toString('latin1', at, Math.min(buffer.length, at + HTTP_PREFIX.length));
          if (!HTTP_PREFIX.startsWith(seen))
            throw new ProtocolError(`not an HTTP response: ${JSON.stringify(seen)}`);
          if (buffer.length - at > MAX_HEAD_BYTES) throw new ProtocolError('response head over 64 kB');
          return -1;
        }
        this.head(buffer.toString('latin1', at, end));
        return end + HEAD_END.length;
      }
      case 'length':
      case 'chunk-data': {
        const take = Math.min(this.remaining, buffer.length - at);
        this.parts.push(buffer.subarray(at, at + take));
        this.remaining -= take;
        if (this.remaining === 0) {
          if (this.state === 'length') this.finish();
          else this.state = 'chunk-end';
        }
        return at + take;
      }
      case 'chunk-size': {
        const eol = buffer.indexOf(CRLF, at);
        if (eol < 0) return -1;
        const text = buffer.toString('latin1', at, eol).split(';')[0]?.trim() ?? '';
        if (!/^[0-9a-fA-F]{1,8}$/.test(text))
          throw new ProtocolError(`bad chunk size ${JSON.stringify(text)}`);
        this.remaining = Number.parseInt(text, 16);
        this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
        return eol + CRLF.length;
      }
      case 'chunk-end': {
        if (buffer.length - at < 2) return -1;
        if (buffer[at] !== 13 || buffer[at + 1] !== 10) throw new ProtocolError('chunk not followed by CRLF');
        this.state = 'chunk-size';
        return at + 2;
      }
      case 'trailers': {
        const eol = buffer.indexOf(CRLF, at);
        if (eol < 0) return -1;
        if (eol === at) this.finish();
        return eol + CRLF.length;
      }
      case 'until-close':
        this.parts.push(buffer.subarray(at));
        return buffer.length;
    }
  }

  /** The status line and the headers that frame the body; the others are read when asked for. */
  private head(text: string): void {
    const head = readHead(text);
    this.status = head.status;
    this.headText = text;
    const connection = head.connection ?? '';
    this.closes = head.http10 ? !connection.includes('keep-alive') : connection.includes('close');
    this.body(head);
  }

  private body(head: Head): void {
    if (this.status < 200) {
      this.state = 'head'; // an interim answer (100 Continue): the final one follows
      this.started = false;
      return;
    }
    if (this.status === 204 || this.status === 304 || this.bodiless()) {
      this.finish();
      return;
    }
    if (head.transferEncoding?.includes('chunked')) {
      this.state = 'chunk-size';
      return;
    }
    const length = head.contentLength;
    if (length === undefined) {
      this.state = 'until-close';
      return;
    }
    if (!/^\d+$/.test(length)) throw new ProtocolError(`bad content-length ${JSON.stringify(length)}`);
    this.remaining = Number(length);
    if (this.remaining === 0) this.finish();
    else this.state = 'length';
  }

  private finish(): void {
    const { parts } = this;
    const body = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    const response = new RawResponse(this.status, this.headText, body, this.closes);
    this.state = 'head';
    parts.length = 0;
    this.started = false;
    this.onResponse(response);
  }
}
