import type { ApiClient, ApiResponse } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { artistFactory } from '../../factories/artists.ts';
import { releaseBody, releaseFactory } from '../../factories/releases.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { expectRefusal } from '../../utils/contract/refusal.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { expectPollutionRefusedOrIgnored, expectRefusedOrIgnored, withPollutionKey } from './body-checks.ts';
import { releaseTarget } from './release-target.ts';

const sendRaw = (client: ApiClient, method: string, path: string, text: string) =>
  client.request({ method, path, headers: { 'content-type': 'application/json' }, payload: text });

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
      // The creation: the check a planted polluting server fails (each-body-check-can-fail.test.ts).
      await expectPollutionRefusedOrIgnored(
        releaseTarget(api, client, release.primaryArtistIds),
        key,
        nested,
      );
      const attempts: Array<[ApiResponse, (id: string) => string]> = [
        [
          await sendRaw(
            client,
            'PATCH',
            releasePath(release.id),
            withPollutionKey({ title: 'Renamed', pLine: release.pLine }, key, nested ? 'pLine' : undefined),
          ),
          releasePath,
        ],
        [
          await sendRaw(client, 'POST', '/v1/artists', withPollutionKey(artistFactory.build(), key)),
          (id) => `/v1/artists/${id}`,
        ],
      ];
      for (const [response, readPath] of attempts)
        await expectRefusedOrIgnored(api, client, response, readPath);
      const login = await sendRaw(
        api,
        'POST',
        '/v1/auth/login',
        withPollutionKey({ email: manager.email, password: manager.password }, key),
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
