import type { ApiClient, ApiResponse } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { releaseBody, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** API.md: JSON bodies are limited to 1 MiB by default. */
const BODY_LIMIT = 1024 * 1024;

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** A body whose `title` is `value` (raw JSON text), everything else valid. */
const titled = (artistIds: string[], value: string) =>
  JSON.stringify(releaseBody(artistIds)).replace(/"title":"[^"]*"/, `"title":${value}`);

const sendJson = (client: ApiClient, text: string) =>
  client.request({
    method: 'POST',
    path: '/v1/releases',
    headers: { 'content-type': 'application/json' },
    payload: text,
  });

describe('huge and deeply nested JSON bodies', {
  tags: ['security', 'catalog'],
  ...covers('security.body-limit-413-readable'),
}, () => {
  test('deep nesting and very wide values are 400 in about the time a flat refusal takes; over the limit is 413', async ({
    api,
    admin,
  }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    const client = api.as(manager);
    const { primaryArtistIds: ids } = await releaseFactory.single().as(api, manager).create();
    // The reference: a refusal of a flat body of about the same size (a 200 kB title string).
    const flat = await sendJson(client, titled(ids, JSON.stringify('x'.repeat(200_000))));
    await expectRefusal(api, flat, { status: 400, field: 'title' });
    const hostile: Record<string, string> = {
      '10,000-deep arrays as the title': titled(ids, nestedArrays(10_000)),
      '100,000-deep arrays as the body': nestedArrays(100_000),
      '50,000-deep objects as the title': titled(ids, nestedObjects(50_000)),
      '20,000 artist ids': JSON.stringify({
        ...releaseBody(ids),
        primaryArtistIds: Array(20_000).fill(ids[0]),
      }),
    };
    for (const [what, text] of Object.entries(hostile)) {
      expect(text.length, what).toBeLessThan(BODY_LIMIT);
      const response = await sendJson(client, text);
      await expectRefusal(api, response, { status: 400 });
      // A parser or validator that recursed or backtracked on the shape would take seconds, not milliseconds.
      expect(
        response.durationMs,
        `${what}: ${Math.round(response.durationMs)} ms, flat ${Math.round(flat.durationMs)} ms`,
      ).toBeLessThan(flat.durationMs * 20 + 1000);
    }
    const over = await sendJson(client, titled(ids, JSON.stringify('x'.repeat(BODY_LIMIT))));
    await expectRefusal(api, over, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const overNested = await sendJson(client, nestedArrays(BODY_LIMIT));
    await expectRefusal(api, overNested, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });
});

describe('content-type confusion', { tags: ['security', 'catalog'] }, () => {
  test.for([
    ['text/plain', (json: string) => json],
    [
      'application/x-www-form-urlencoded',
      (json: string) => new URLSearchParams(JSON.parse(json) as Record<string, string>).toString(),
    ],
    ['application/xml', (json: string) => `<?xml version="1.0"?><release><json>${json}</json></release>`],
    [
      'multipart/form-data; boundary=x',
      (json: string) => `--x\r\nContent-Disposition: form-data; name="body"\r\n\r\n${json}\r\n--x--\r\n`,
    ],
    ['application/json-patch+json', (json: string) => json],
    ['', (json: string) => json],
  ] as const)(
    'a release body sent as "%s" is 415 or 400 and creates nothing',
    async ([type, encode], { api, admin }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const { primaryArtistIds } = await releaseFactory.single().as(api, manager).create();
      const body = releaseBody(primaryArtistIds);
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const response: ApiResponse = await api
        .as(manager)
        .request({ method: 'POST', path: '/v1/releases', headers, payload: encode(JSON.stringify(body)) });
      await expectRefusal(api, response, { status: [400, 415] });
      if (response.status === 415)
        expect((response.body as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      // Nothing was written: the same body as JSON creates the release (its UPC is still free).
      expect((await api.as(manager).post('/v1/releases', body)).status).toBe(201);
    },
  );
});
