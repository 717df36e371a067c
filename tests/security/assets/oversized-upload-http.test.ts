import net from 'node:net';
import { Readable } from 'node:stream';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { request } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import { covers } from '../../contract/checklist.ts';
import { adminCredentials } from '../../factories/admin.ts';
import { releaseFactory } from '../../factories/releases.ts';
import { createLabel, signIn } from '../../factories/signed-in.ts';
import { sampleBytes } from '../../fixtures/sample-files.ts';
import { type ApiProcess, bareEnv, startApiProcess } from '../../utils/api-process.ts';
import { processTestTimeout } from '../../utils/child.ts';
import { services } from '../../utils/services.ts';
import { describe, expect, test } from '../../utils/test.ts';

const ownAdmin = { email: 'upload-limit-admin@soundcheck.test', password: 'upload-limit-password' };
let server: ApiProcess | null = null;
let baseUrl: string;
let token: string;
let releaseId: string;

// Black-box, the target itself (its artwork limit must be below the 30 MB sent: the default is 20 MB);
// in-process, an API process of our own with a 1 MiB limit.
beforeAll(async () => {
  const { target } = services();
  if (!target) {
    server = await startApiProcess(
      bareEnv({
        ARTWORK_MAX_BYTES: String(1024 * 1024),
        BOOTSTRAP_ADMIN_EMAIL: ownAdmin.email,
        BOOTSTRAP_ADMIN_PASSWORD: ownAdmin.password,
      }),
    );
  }
  baseUrl = target ?? (server as ApiProcess).url;
  const admin = target ? adminCredentials(true) : ownAdmin;
  const api = createApiClient(fetchTransport(baseUrl));
  const user = await signIn(api, admin.email, admin.password);
  const label = await createLabel(api, user);
  releaseId = (await releaseFactory.single().params({ labelId: label.id }).as(api, user).create()).id;
  token = user.accessToken;
}, processTestTimeout());
afterAll(async () => {
  await server?.stop();
});

const BODY_BYTES = 33 + 30 * 1024 * 1024;

/** A real PNG header (3000×3000, so the facts pass) then 30 MB, produced as the client sends them. */
async function* body(): AsyncGenerator<Buffer> {
  yield sampleBytes('artwork-3000.png').subarray(0, 33);
  for (let i = 0; i < 30; i++) yield Buffer.alloc(1024 * 1024, i);
}

async function upload(headers: Record<string, string>) {
  const response = await request(`${baseUrl}/v1/releases/${releaseId}/artwork`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', ...headers },
    body: Readable.from(body()),
  });
  return { status: response.statusCode, body: (await response.body.json()) as { code: string } };
}

/**
 * Like a plain HTTP/1.1 client: sends the whole upload, then `GET /health` on the same connection, and only
 * then reads. The status lines it gets back, and the socket error if the server cut it off.
 */
async function sendAllThenAskAgain(framing: 'content-length' | 'chunked'): Promise<string[]> {
  const { hostname, port } = new URL(baseUrl);
  const socket = net.connect(Number(port), hostname);
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const ended = new Promise<string | null>((resolve) => {
    socket.once('error', (error) => resolve(error.message));
    socket.once('close', () => resolve(null));
  });
  // A server that neither reads nor closes would stall the writes forever.
  const giveUp = setTimeout(() => socket.destroy(new Error('no answer after 20 s')), 20_000);
  const write = async (data: Buffer | string) => {
    if (socket.destroyed || socket.write(data)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        socket.off('drain', done).off('close', done);
        resolve();
      };
      socket.on('drain', done).on('close', done);
    });
  };
  const frame = (part: Buffer) =>
    framing === 'chunked'
      ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')])
      : part;
  await write(
    [
      `PUT /v1/releases/${releaseId}/artwork HTTP/1.1`,
      `host: ${hostname}`,
      `authorization: Bearer ${token}`,
      'content-type: image/png',
      framing === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${BODY_BYTES}`,
      '',
      '',
    ].join('\r\n'),
  );
  for await (const part of body()) await write(frame(part));
  if (framing === 'chunked') await write('0\r\n\r\n');
  await write(`GET /health HTTP/1.1\r\nhost: ${hostname}\r\nconnection: close\r\n\r\n`);
  const error = await ended;
  clearTimeout(giveUp);
  const statuses = [
    ...Buffer.concat(received)
      .toString('latin1')
      .matchAll(/HTTP\/1\.1 (\d{3}) /g),
  ];
  return [...statuses.map((match) => match[1]!), ...(error ? [error] : [])];
}

describe('an oversized upload over a real socket', {
  tags: ['security', 'assets', 'slow'],
  ...covers('assets.413-size', 'security.body-limit-413-readable'),
}, () => {
  test('declared too large: 413 before the body is read, and the client reads it', async () => {
    expect(await upload({ 'content-length': String(BODY_BYTES) })).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  test('chunked, no length: cut off at the limit with a 413 the client reads', async () => {
    expect(await upload({})).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  // The refused body is drained, not cut: a client that writes all of it before reading gets its 413, and
  // the connection goes on to serve its next request (a cut shows as EPIPE/ECONNRESET; a body nobody
  // reads stalls until the drain's time limit).
  test.for(['content-length', 'chunked'] as const)(
    '%s: a client that sends everything before reading gets the 413, then its next request is answered',
    async (framing) => {
      expect(await sendAllThenAskAgain(framing)).toEqual(['413', '200']);
    },
  );
});
