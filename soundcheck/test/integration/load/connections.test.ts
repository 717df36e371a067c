import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { poolSender } from '../../../src/load/sender.ts';
import { systemBinaryMissing } from '../../support/system-binary.ts';

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A local server counting its connections and the most requests it held at once. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen = { connections: 0, inFlight: 0, mostInFlight: 0 };
  server = createServer((req, res) => {
    seen.inFlight++;
    seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight);
    res.on('finish', () => seen.inFlight--);
    handle(req, res);
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen };
}

const pool = (url: string, connections: number, pipelining = 1) =>
  poolSender(url, { connections, pipelining, timeoutMs: 5000, now: () => performance.now() });

const echo = (req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ method: req.method, url: req.url, body, type: req.headers['content-type'] ?? null }),
    );
  });
};

describe('the load engine’s HTTP/1.1 connections', { tags: ['integration', 'harness'] }, () => {
  test('requests one after another share one keep-alive connection; bodies and JSON go both ways', async () => {
    const { url, seen } = await serve(echo);
    const { send, close } = pool(url, 4);
    const first = await send({ method: 'POST', path: '/items?x=1', body: { title: 'é' } });
    const second = await send({ method: 'DELETE', path: '/items/7' });
    const third = await send({
      method: 'PUT',
      path: '/raw',
      payload: Buffer.from('bytes'),
      headers: { 'content-type': 'text/plain' },
    });
    await close();
    expect([first.body, second.body, third.body]).toEqual([
      { method: 'POST', url: '/items?x=1', body: '{"title":"é"}', type: 'application/json' },
      { method: 'DELETE', url: '/items/7', body: '', type: null },
      { method: 'PUT', url: '/raw', body: 'bytes', type: 'text/plain' },
    ]);
    expect(first.headers['content-type']).toBe('application/json');
    expect(seen.connections).toBe(1);
  });

  test('never more than connections × pipelining requests out; the rest wait their turn', async () => {
    const { url, seen } = await serve((req, res) => setTimeout(() => echo(req, res), 20));
    const { send, close } = pool(url, 2);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => send({ method: 'GET', path: `/${i}` })),
    );
    await close();
    expect(answers.map((a) => (a.body as { url: string }).url)).toEqual([
      '/0',
      '/1',
      '/2',
      '/3',
      '/4',
      '/5',
      '/6',
      '/7',
    ]);
    expect(seen.mostInFlight).toBe(2);
    expect(seen.connections).toBe(2);
  });

  test('pipelined answers on one connection come back to the request that asked', async () => {
    const { url, seen } = await serve(echo);
    const { send, close } = pool(url, 1, 4);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => send({ method: 'GET', path: `/p/${i}` })),
    );
    await close();
    expect(answers.map((a) => (a.body as { url: string }).url)).toEqual(
      Array.from({ length: 12 }, (_, i) => `/p/${i}`),
    );
    expect(seen.connections).toBe(1);
  });

  test('a server that closes after each answer, and one that streams chunks: every request still answered', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.setHeader('connection', 'close');
      res.write('chunk one, ');
      setImmediate(() => res.end('chunk two'));
    });
    const { send, close } = pool(url, 1);
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await send({ method: 'GET', path: '/' })).text);
    await close();
    expect(texts).toEqual(Array(3).fill('chunk one, chunk two'));
    expect(seen.connections).toBe(3);
  });

  test('a header value with a line break is refused before anything is sent', async () => {
    const { url, seen } = await serve(echo);
    const { send, close } = pool(url, 1);
    await expect(
      send({ method: 'GET', path: '/', headers: { 'x-evil': 'a\r\nx-injected: 1' } }),
    ).rejects.toThrow(/line break/);
    await close();
    expect(seen.connections).toBe(0);
  });

  test('an https target: the same keep-alive connection, over TLS', async (ctx) => {
    const missing = systemBinaryMissing('openssl', 'openssl');
    if (missing) return ctx.skip(missing);
    const dir = mkdtempSync(path.join(tmpdir(), 'soundcheck-tls-'));
    ctx.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert].concat([
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ]),
      { stdio: 'ignore' },
    );
    let connections = 0;
    const tls = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, echo);
    tls.on('secureConnection', () => connections++);
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    ctx.onTestFinished(() => {
      tls.closeAllConnections();
      tls.close();
    });
    // The certificate is our own: trust it the way Node users do for a test server.
    const trusted = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    ctx.onTestFinished(() => {
      if (trusted === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = trusted;
    });
    const { send, close } = pool(`https://localhost:${(tls.address() as { port: number }).port}`, 2);
    const first = await send({ method: 'POST', path: '/secure', body: { n: 1 } });
    const second = await send({ method: 'GET', path: '/again' });
    await close();
    expect([first.body, second.body]).toEqual([
      { method: 'POST', url: '/secure', body: '{"n":1}', type: 'application/json' },
      { method: 'GET', url: '/again', body: '', type: null },
    ]);
    expect(connections).toBe(1);
  });
});
