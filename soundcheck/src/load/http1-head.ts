/** What the target sent is not HTTP/1.x: counted under the error kind `protocol`. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  readonly code = 'HPE_INVALID_RESPONSE';
}

/** The head of a response as far as reading its body needs it: the rest waits in `text` until asked for. */
export interface Head {
  status: number;
  /** HTTP/1.0 (closes unless it says keep-alive). */
  http10: boolean;
  /** The values of the headers that frame the body, lower-cased; repeated ones joined with ", ". */
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  connection: string | undefined;
}

const DIGIT_0 = 48;
const isDigit = (code: number) => code >= DIGIT_0 && code <= DIGIT_0 + 9;
const isBlank = (code: number) => code === 32 || code === 9;

/** `HTTP/1.x NNN` then a space or the line's end: the status, or a `ProtocolError`. */
function statusOf(text: string, eol: number): number {
  const c = (at: number) => text.charCodeAt(at);
  if (
    !text.startsWith('HTTP/1.') ||
    (c(7) !== DIGIT_0 && c(7) !== DIGIT_0 + 1) ||
    c(8) !== 32 ||
    !isDigit(c(9)) ||
    !isDigit(c(10)) ||
    !isDigit(c(11)) ||
    (eol > 12 && c(12) !== 32)
  )
    throw new ProtocolError(`not an HTTP status line: ${JSON.stringify(text.slice(0, Math.min(eol, 40)))}`);
  return (c(9) - DIGIT_0) * 100 + (c(10) - DIGIT_0) * 10 + (c(11) - DIGIT_0);
}

const joined = (previous: string | undefined, value: string) =>
  previous === undefined ? value : `${previous}, ${value}`;

/**
 * Reads a head (the text before the blank line): checks every header line has a name and a colon, and
 * picks out the three framing headers. No object of all the headers: most scenarios never read them,
 * and `headersOf` makes it when one does.
 */
export function readHead(text: string): Head {
  let eol = text.indexOf('\r\n');
  if (eol < 0) eol = text.length;
  const head: Head = {
    status: statusOf(text, eol),
    http10: text.charCodeAt(7) === DIGIT_0,
    contentLength: undefined,
    transferEncoding: undefined,
    connection: undefined,
  };
  for (let start = eol + 2; start < text.length; start = eol + 2) {
    eol = text.indexOf('\r\n', start);
    if (eol < 0) eol = text.length;
    const colon = text.indexOf(':', start);
    if (colon <= start || colon > eol)
      throw new ProtocolError(
        `bad header line ${JSON.stringify(text.slice(start, Math.min(eol, start + 40)))}`,
      );
    let from = start;
    let to = colon;
    while (from < to && isBlank(text.charCodeAt(from))) from++;
    while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
    // Only names of the framing headers' lengths are compared (content-length, transfer-encoding, connection).
    const length = to - from;
    if (length !== 14 && length !== 17 && length !== 10) continue;
    const name = text.slice(from, to).toLowerCase();
    const value = text.slice(colon + 1, eol).trim();
    if (name === 'content-length') head.contentLength = joined(head.contentLength, value);
    else if (name === 'transfer-encoding')
      head.transferEncoding = joined(head.transferEncoding, value.toLowerCase());
    else if (name === 'connection') head.connection = joined(head.connection, value.toLowerCase());
  }
  return head;
}

/** All headers of a head `readHead` accepted: lower-case names, repeated headers joined with ", ". */
export function headersOf(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let eol = text.indexOf('\r\n');
  if (eol < 0) return headers;
  for (let start = eol + 2; start < text.length; start = eol + 2) {
    eol = text.indexOf('\r\n', start);
    if (eol < 0) eol = text.length;
    const colon = text.indexOf(':', start);
    const name = text.slice(start, colon).trim().toLowerCase();
    const value = text.slice(colon + 1, eol).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** One complete HTTP/1.1 response as read off a socket; its headers are parsed when first read. */
export class RawResponse {
  readonly status: number;
  readonly body: Buffer;
  /** The server said it closes the connection after this response. */
  readonly closes: boolean;
  private readonly headText: string;
  private parsed: Record<string, string> | undefined;

  constructor(status: number, headText: string, body: Buffer, closes: boolean) {
    this.status = status;
    this.headText = headText;
    this.body = body;
    this.closes = closes;
  }

  /** Lower-case names; repeated headers joined with ", ". */
  get headers(): Record<string, string> {
    this.parsed ??= headersOf(this.headText);
    return this.parsed;
  }
}
