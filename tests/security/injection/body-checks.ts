import type { ApiClient, ApiResponse } from 'soundcheck/client/http-client.ts';
import { expect } from 'vitest';
import { expectRefusal } from '../../utils/contract/refusal.ts';

/**
 * One operation that creates a resource from a JSON body, as the body checks see it: the API's
 * `POST /v1/releases` or a planted server's `POST /items` (`planted-json-server.ts`).
 */
export interface JsonWriteTarget {
  /** The target as the contract's judge (its `/openapi.json` documents its codes). */
  api: ApiClient;
  /** The caller, signed in as needed. */
  client: ApiClient;
  path: string;
  /** A valid body, new on every call (its unique fields free). */
  body(): Record<string, unknown>;
  /** The name of a string field of the body, and of an object-valued one (for nested keys). */
  stringField: string;
  objectField: string;
  /** Where a created resource is read back. */
  readPath(id: string): string;
}

const sendText = (target: JsonWriteTarget, text: string, type = 'application/json') =>
  target.client.request({
    method: 'POST',
    path: target.path,
    headers: type ? { 'content-type': type } : {},
    payload: text,
  });

/** The body as JSON text with the string field's value replaced by `raw` (JSON text). */
const withRaw = (target: JsonWriteTarget, raw: string) => {
  const marker = 'raw-value-goes-here';
  return JSON.stringify({ ...target.body(), [target.stringField]: marker }).replace(`"${marker}"`, raw);
};

// ── prototype pollution ────────────────────────────────────────────────────────────────────────────

/** What a polluted `Object.prototype` would give every object the server builds afterwards. */
const POISON = { state: 'approved', role: 'admin', title: 'Polluted', labelId: null, polluted: 'yes' };
const poisoned = JSON.stringify(POISON);

/**
 * A JSON text with `key` written into `body` (at its top or inside an object field): raw text, because
 * `JSON.stringify({ __proto__: … })` sets the prototype of the literal instead of sending the key.
 */
export function withPollutionKey(body: object, key: '__proto__' | 'constructor', nestedIn?: string) {
  const value = key === '__proto__' ? poisoned : `{"prototype":${poisoned}}`;
  const text = JSON.stringify(body);
  return nestedIn
    ? text.replace(`"${nestedIn}":{`, `"${nestedIn}":{"${key}":${value},`)
    : `{"${key}":${value},${text.slice(1)}`;
}

/** Refused as API.md says unknown properties are (400), or accepted with the key ignored: never applied. */
export async function expectRefusedOrIgnored(
  api: ApiClient,
  client: ApiClient,
  response: ApiResponse,
  readPath: (id: string) => string,
) {
  if (response.status === 400) return expectRefusal(api, response, { status: 400 });
  expect([200, 201], `${response.status} ${response.text.slice(0, 200)}`).toContain(response.status);
  const stored = (await client.get(readPath((response.body as { id: string }).id))).body as Record<
    string,
    unknown
  >;
  expect(stored.polluted, 'the pollution key was applied').toBeUndefined();
  expect(stored.title).not.toBe(POISON.title);
  if ('state' in stored) expect(stored.state).toBe('draft');
}

/**
 * `key` at the top of a creation's body or nested in its object field is refused or ignored, and a clean
 * creation afterwards carries nothing of it (a polluted prototype would show in every later object).
 */
export async function expectPollutionRefusedOrIgnored(
  target: JsonWriteTarget,
  key: '__proto__' | 'constructor',
  nested: boolean,
) {
  const text = withPollutionKey(target.body(), key, nested ? target.objectField : undefined);
  await expectRefusedOrIgnored(target.api, target.client, await sendText(target, text), target.readPath);
  const clean = await target.client.post<{ id: string }>(target.path, target.body());
  expect(clean.status, clean.text.slice(0, 200)).toBe(201);
  const later = (await target.client.get(target.readPath(clean.body.id))).body as Record<string, unknown>;
  expect(later.polluted, 'a later creation carries the pollution').toBeUndefined();
}

// ── huge and deeply nested JSON ────────────────────────────────────────────────────────────────────

/** API.md: JSON bodies are limited to 1 MiB by default. */
const BODY_LIMIT = 1024 * 1024;
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** The hostile shapes: deep arrays and objects in the string field and as the whole body. */
export const deepBodies = (target: JsonWriteTarget): Record<string, string> => ({
  '10,000-deep arrays in a string field': withRaw(target, nestedArrays(10_000)),
  '100,000-deep arrays as the body': nestedArrays(100_000),
  '50,000-deep objects in a string field': withRaw(target, nestedObjects(50_000)),
});

/**
 * Each hostile body (under the size limit) is a 400 in about the time a flat refusal of the same size takes;
 * a body over the limit, flat or nested, is 413.
 */
export async function expectNestingRefusedInBoundedTime(
  target: JsonWriteTarget,
  hostile: Record<string, string>,
) {
  // The reference: a refusal of a flat body of about the same size (a 200 kB string where an array goes).
  const flat = await sendText(target, withRaw(target, JSON.stringify(['x'.repeat(200_000)])));
  await expectRefusal(target.api, flat, { status: 400 });
  for (const [what, text] of Object.entries(hostile)) {
    expect(text.length, what).toBeLessThan(BODY_LIMIT);
    const response = await sendText(target, text);
    await expectRefusal(target.api, response, { status: 400 });
    // A parser or validator that recursed or backtracked on the shape would take seconds, not milliseconds.
    expect(
      response.durationMs,
      `${what}: ${Math.round(response.durationMs)} ms, flat ${Math.round(flat.durationMs)} ms`,
    ).toBeLessThan(flat.durationMs * 20 + 1000);
  }
  const over = await sendText(target, withRaw(target, JSON.stringify('x'.repeat(BODY_LIMIT))));
  await expectRefusal(target.api, over, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
  const overNested = await sendText(target, nestedArrays(BODY_LIMIT));
  await expectRefusal(target.api, overNested, { status: 413, code: 'PAYLOAD_TOO_LARGE' });
}

// ── content-type confusion ─────────────────────────────────────────────────────────────────────────

/** A JSON body re-encoded as another media type (the object's fields, or the JSON text inside). */
export const confusedTypes: Array<[type: string, encode: (json: string) => string]> = [
  ['text/plain', (json) => json],
  [
    'application/x-www-form-urlencoded',
    (json) =>
      new URLSearchParams(
        Object.entries(JSON.parse(json) as Record<string, unknown>).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      ).toString(),
  ],
  ['application/xml', (json) => `<?xml version="1.0"?><body><json>${json}</json></body>`],
  [
    'multipart/form-data; boundary=x',
    (json) => `--x\r\nContent-Disposition: form-data; name="body"\r\n\r\n${json}\r\n--x--\r\n`,
  ],
  ['application/json-patch+json', (json) => json],
  ['', (json) => json],
];

/** A valid body sent as `type` is 415 or 400 and creates nothing: the same body as JSON is then created. */
export async function expectConfusedTypeRefused(
  target: JsonWriteTarget,
  type: string,
  encode: (json: string) => string,
) {
  const body = target.body();
  const response = await sendText(target, encode(JSON.stringify(body)), type);
  await expectRefusal(target.api, response, { status: [400, 415] });
  if (response.status === 415)
    expect((response.body as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  const created = await target.client.post(target.path, body);
  expect(created.status, `the ${type} body wrote: ${created.text.slice(0, 200)}`).toBe(201);
}
