import type { ApiClient, ApiResponse } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { artistFactory } from '../../factories/artists.ts';
import { releaseBody, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';

/** What a polluted `Object.prototype` would give every object the server builds afterwards. */
const POISON = { state: 'approved', role: 'admin', title: 'Polluted', labelId: null, polluted: 'yes' };
const poisoned = JSON.stringify(POISON);

/**
 * A JSON text with `key` written into `body` (at its top or inside `pLine`): raw text, because
 * `JSON.stringify({ __proto__: … })` sets the prototype of the literal instead of sending the key.
 */
const withKey = (body: object, key: '__proto__' | 'constructor', nested = false) => {
  const value = key === '__proto__' ? poisoned : `{"prototype":${poisoned}}`;
  const text = JSON.stringify(body);
  return nested
    ? text.replace('"pLine":{', `"pLine":{"${key}":${value},`)
    : `{"${key}":${value},${text.slice(1)}`;
};

const sendRaw = (client: ApiClient, method: string, path: string, text: string) =>
  client.request({ method, path, headers: { 'content-type': 'application/json' }, payload: text });

/** Refused as API.md says unknown properties are (400), or accepted with the key ignored: never applied. */
async function refusedOrIgnored(
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
  expect(stored.polluted).toBeUndefined();
  expect(stored.title).not.toBe(POISON.title);
  if ('state' in stored) expect(stored.state).toBe('draft');
}

describe('prototype pollution keys in request bodies', {
  tags: ['security', 'catalog'],
  ...covers('security.unknown-properties-refused'),
}, () => {
  test.for([
    ['__proto__', false],
    ['__proto__', true],
    ['constructor', false],
    ['constructor', true],
  ] as const)(
    '%s (nested in pLine: %s) is refused or ignored on every write, and changes no later request',
    async ([key, nested], { api, admin, blackBox }) => {
      const manager = await signedIn(api, admin, { role: 'label_manager' });
      const client = api.as(manager);
      const release = await releaseFactory.single().as(api, manager).create();
      const releasePath = (id: string) => `/v1/releases/${id}`;
      const attempts: Array<[ApiResponse, (id: string) => string]> = [
        [
          await sendRaw(
            client,
            'POST',
            '/v1/releases',
            withKey(releaseBody(release.primaryArtistIds), key, nested),
          ),
          releasePath,
        ],
        [
          await sendRaw(
            client,
            'PATCH',
            releasePath(release.id),
            withKey({ title: 'Renamed', pLine: release.pLine }, key, nested),
          ),
          releasePath,
        ],
        [
          await sendRaw(client, 'POST', '/v1/artists', withKey(artistFactory.build(), key)),
          (id) => `/v1/artists/${id}`,
        ],
      ];
      for (const [response, readPath] of attempts) await refusedOrIgnored(api, client, response, readPath);
      const login = await sendRaw(
        api,
        'POST',
        '/v1/auth/login',
        withKey({ email: manager.email, password: manager.password }, key),
      );
      expect([200, 400], login.text.slice(0, 200)).toContain(login.status);

      // Later requests behave as before: a body without a title still lacks one, the role is still the caller's.
      const { title: _, ...untitled } = releaseBody(release.primaryArtistIds);
      await expectRefusal(api, await client.post('/v1/releases', untitled), {
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'title',
      });
      expect((await client.get('/v1/me')).body).toMatchObject({
        role: 'label_manager',
        labelId: manager.labelId,
      });
      expect((await client.get(releasePath(release.id))).body).toMatchObject({
        state: 'draft',
        labelId: manager.labelId,
      });
      // In-process the app shares this process's Object.prototype: it is untouched.
      if (!blackBox) expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  test('pollution keys in the query string are refused or ignored', async ({ api, admin }) => {
    const manager = await signedIn(api, admin, { role: 'label_manager' });
    for (const query of [
      '__proto__[state]=approved',
      'constructor[prototype][state]=approved',
      '__proto__.state=approved',
    ]) {
      const response = await api.as(manager).get(`/v1/releases?${query}`);
      if (response.status === 400) await expectRefusal(api, response, { status: 400 });
      else expect(response.status, response.text.slice(0, 200)).toBe(200);
    }
    expect(({} as Record<string, unknown>).state).toBeUndefined();
  });
});
