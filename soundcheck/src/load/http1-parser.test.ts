import { describe, expect, test } from 'vitest';
import { ProtocolError, type RawResponse } from './http1-head.ts';
import { ResponseParser } from './http1-parser.ts';

/** Feeds `wire` cut at `cuts` and returns the responses as text, and what a close would say. */
function read(wire: string, cuts: number[] = [], bodiless = () => false) {
  const responses: Array<Omit<RawResponse, 'body'> & { body: string }> = [];
  const parser = new ResponseParser(
    (r) =>
      responses.push({ status: r.status, headers: r.headers, body: r.body.toString(), closes: r.closes }),
    bodiless,
  );
  const bytes = Buffer.from(wire);
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    parser.feed(bytes.subarray(from, cut));
    from = cut;
  }
  return { responses, onClose: parser.end() };
}

// A keep-alive stream of three pipelined answers: an interim 100, a length body, a chunked one with a
// trailer, and a 204.
const stream =
  'HTTP/1.1 100 Continue\r\n\r\n' +
  'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n{"ok":true}' +
  'HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n' +
  'HTTP/1.1 204 No Content\r\n\r\n';
const expected = [
  {
    status: 200,
    headers: { 'content-type': 'application/json', 'content-length': '11', 'set-cookie': 'a=1, b=2' },
    body: '{"ok":true}',
    closes: false,
  },
  { status: 201, headers: { 'transfer-encoding': 'chunked' }, body: 'hello world', closes: false },
  { status: 204, headers: {}, body: '', closes: false },
];

describe('HTTP/1.1 response parser', () => {
  test('reads pipelined answers (interim, length, chunked, empty) whole', () => {
    expect(read(stream)).toEqual({ responses: expected, onClose: null });
  });

  test('reads the same whatever byte boundaries the socket cuts them at', () => {
    for (let cut = 1; cut < stream.length; cut++)
      expect(read(stream, [cut]).responses, `cut at ${cut}`).toEqual(expected);
    for (let cut = 1; cut + 7 < stream.length; cut += 7)
      expect(read(stream, [cut, cut + 3, cut + 7]).responses, `cuts at ${cut}`).toEqual(expected);
  });

  test('a body without length ends with the connection; HTTP/1.0 and "connection: close" close it', () => {
    expect(read('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nto the', [20, 44])).toEqual({
      responses: [{ status: 200, headers: { 'content-type': 'text/plain' }, body: 'to the', closes: false }],
      onClose: null,
    });
    const closed: RawResponse[] = [];
    const parser = new ResponseParser((r) => closed.push(r));
    parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok'));
    parser.feed(Buffer.from('HTTP/1.0 200 OK\r\n\r\nrest'));
    expect(parser.end()).toBeNull();
    expect(closed.map((r) => [r.body.toString(), r.closes])).toEqual([
      ['ok', true],
      ['rest', true],
    ]);
  });

  test('framing headers are found in any case, with blanks around the name, and read from one pass', () => {
    const wire =
      'HTTP/1.1 200 OK\r\nX-Pad: content-length: 99\r\nCONTENT-LENGTH : 2\r\nTransfer-Encoding:  Identity\r\n\r\nok' +
      'HTTP/1.1 200 OK\r\nConnection: Close\r\ncontent-length: 3\r\n\r\nend';
    expect(read(wire).responses.map((r) => [r.body, r.closes, r.headers['content-length']])).toEqual([
      ['ok', false, '2'],
      ['end', true, '3'],
    ]);
  });

  test('an answer to HEAD has no body, whatever its content-length says', () => {
    const wire =
      'HTTP/1.1 200 OK\r\ncontent-length: 50\r\n\r\nHTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n';
    expect(read(wire, [], () => true).responses.map((r) => [r.status, r.body])).toEqual([
      [200, ''],
      [404, ''],
    ]);
  });

  test('a close in the middle of an answer is reported, between answers it is not', () => {
    expect(read('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n0123456789').onClose).toMatch(/middle/);
    expect(read('HTTP/1.1 200 OK\r\ncontent-le').onClose).toMatch(/middle/);
    expect(read('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok').onClose).toBeNull();
  });

  test.each([
    ['not HTTP at all', 'SSH-2.0-OpenSSH_9.6\r\n\r\n'],
    ['not HTTP, before any line end', 'SSH-2.0'],
    ['a bad status line', 'HTTP/1.1 2xx OK\r\n\r\n'],
    ['a header without a colon', 'HTTP/1.1 200 OK\r\nbroken\r\n\r\n'],
    ['a header whose only colon is on the next line', 'HTTP/1.1 200 OK\r\nbroken\r\nx: 1\r\n\r\n'],
    ['a header with an empty name', 'HTTP/1.1 200 OK\r\n: 1\r\n\r\n'],
    ['a bad content-length', 'HTTP/1.1 200 OK\r\ncontent-length: -1\r\n\r\n'],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n'],
    ['a chunk without its CRLF', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n1\r\nabc\r\n'],
  ])('%s is a protocol error', (_case, wire) => {
    expect(() => read(wire)).toThrow(ProtocolError);
  });
});
