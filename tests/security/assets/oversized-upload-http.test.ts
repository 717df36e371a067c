import { Readable } from 'node:stream';
import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { request } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import { ReleaseFactory } from '../../factories/releases.ts';
import { createLabel, signIn } from '../../factories/signed-in.ts';
import { sampleBytes } from '../../fixtures/sample-files.ts';
import { type ApiProcess, bareEnv, startApiProcess } from '../../utils/api-process.ts';
import { describe, expect, test } from '../../utils/test.ts';

const admin = { email: 'upload-limit-admin@soundcheck.test', password: 'upload-limit-password' };
let server: ApiProcess;
let token: string;
let releaseId: string;

beforeAll(async () => {
  server = await startApiProcess(
    bareEnv({
      ARTWORK_MAX_BYTES: String(1024 * 1024),
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    }),
  );
  const api = createApiClient(fetchTransport(server.url));
  const user = await signIn(api, admin.email, admin.password);
  const label = await createLabel(api, user);
  releaseId = (await ReleaseFactory.single().params({ labelId: label.id }).create(api, user)).id;
  token = user.accessToken;
}, 60_000);
afterAll(() => server?.stop());

/** A real PNG header (3000×3000, so the facts pass) then 30 MB, produced as the client sends them. */
async function* body(): AsyncGenerator<Buffer> {
  yield sampleBytes('artwork-3000.png').subarray(0, 33);
  for (let i = 0; i < 30; i++) yield Buffer.alloc(1024 * 1024, i);
}

async function upload(headers: Record<string, string>) {
  const response = await request(`${server.url}/v1/releases/${releaseId}/artwork`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', ...headers },
    body: Readable.from(body()),
  });
  return { status: response.statusCode, body: (await response.body.json()) as { code: string } };
}

describe('an oversized upload over a real socket', { tags: ['security', 'assets', 'slow'] }, () => {
  test('declared too large: 413 before the body is read, and the client reads it', async () => {
    expect(await upload({ 'content-length': String(30 * 1024 * 1024 + 33) })).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
  });

  test('chunked, no length: cut off at the limit with a 413 the client reads', async () => {
    expect(await upload({})).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
