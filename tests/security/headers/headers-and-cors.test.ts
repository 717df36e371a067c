import type { ApiResponse } from 'soundcheck/client/http-client.ts';
import { covers } from '../../contract/checklist.ts';
import { signedIn } from '../../factories/signed-in.ts';
import { appWith, testIp } from '../../utils/app-with.ts';
import { describe, expect, test } from '../../utils/test.ts';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '0190a0a0-0000-7000-8000-000000000000');
const FOREIGN_ORIGIN = 'https://evil.example';

/** API.md "Conventions": what every response carries, and `no-store` on the Auth table's responses. */
function headerProblems(what: string, path: string, response: ApiResponse): string[] {
  const { headers } = response;
  const problems: string[] = [];
  if (!headers['x-request-id']) problems.push('no x-request-id');
  if (headers['x-content-type-options'] !== 'nosniff')
    problems.push(`x-content-type-options ${headers['x-content-type-options']}`);
  if (headers['x-powered-by'] !== undefined) problems.push(`x-powered-by ${headers['x-powered-by']}`);
  if (
    (path.startsWith('/v1/auth/') || path === '/v1/me') &&
    !/\bno-store\b/.test(headers['cache-control'] ?? '')
  )
    problems.push(`cache-control ${headers['cache-control']} on an auth response`);
  const allowed = headers['access-control-allow-origin'];
  if (allowed === FOREIGN_ORIGIN || allowed === '*')
    problems.push(`access-control-allow-origin ${allowed} for an unconfigured origin`);
  return problems.map((problem) => `${what} → ${response.status}: ${problem}`);
}

describe('security headers and CORS on every route', {
  tags: ['security', 'ops'],
  ...covers('security.headers-every-response'),
}, () => {
  test('every operation of /openapi.json and the routes beside it, signed in or not, carries the headers API.md promises', async ({
    api,
    admin,
  }) => {
    const caller = await signedIn(api, admin, { role: 'label_manager' });
    const spec = (await api.get<OpenApi>('/openapi.json')).body;
    const operations = Object.entries(spec.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((m) => METHODS.includes(m))
          .map((m) => ({ method: m.toUpperCase(), path })),
      )
      // Logging out ends the caller's session: last.
      .sort((a, b) => Number(a.path === '/v1/auth/logout') - Number(b.path === '/v1/auth/logout'));
    const extras = ['/metrics', '/openapi.json', '/health', '/no-such-route'].map((path) => ({
      method: 'GET',
      path,
    }));
    const problems: string[] = [];
    for (const { method, path } of [...extras, ...operations]) {
      for (const [who, client] of [
        ['anonymous', api],
        ['signed in', api.as(caller)],
      ] as const) {
        const response = await client.request({
          method,
          path: concrete(path),
          headers: { origin: FOREIGN_ORIGIN },
        });
        problems.push(...headerProblems(`${who} ${method} ${path}`, path, response));
      }
    }
    expect(operations.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  test('a CORS preflight from an unconfigured origin is not allowed', async ({ api }) => {
    const preflight = await api.request({
      method: 'OPTIONS',
      path: '/v1/releases',
      headers: {
        origin: FOREIGN_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBeLessThan(500);
    expect([undefined, 'null']).toContain(preflight.headers['access-control-allow-origin']);
  });

  test('a configured origin is allowed, so the check above can tell', { tags: ['implementation'] }, async ({
    deps,
  }) => {
    const configured = await appWith(deps, {
      config: { corsOrigins: ['https://app.example'] },
      remoteAddress: testIp(),
    });
    try {
      const ok = await configured.api.get('/health', { origin: 'https://app.example' });
      expect(ok.headers['access-control-allow-origin']).toBe('https://app.example');
      const foreign = await configured.api.get('/health', { origin: FOREIGN_ORIGIN });
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
      expect(
        headerProblems('planted', '/health', {
          ...ok,
          headers: { ...ok.headers, 'access-control-allow-origin': '*' },
        }),
      ).toEqual(['planted → 200: access-control-allow-origin * for an unconfigured origin']);
    } finally {
      await configured.close();
    }
  });
});
