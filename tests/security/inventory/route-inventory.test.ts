import Fastify from 'fastify';
import { covers } from '../../contract/checklist.ts';
import { describe, expect, test } from '../../utils/test.ts';
import { serverRoutes } from './server-routes.ts';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Routes API.md documents outside the spec ("Operations"): metrics, the spec itself, the interactive reference. */
const documentedOutsideSpec = (route: string) =>
  ['GET /metrics', 'GET /openapi.json', 'GET /docs', 'OPTIONS *'].includes(route) ||
  route.startsWith('GET /docs/');

/** Where scanners look for hidden admin, debug and configuration routes. */
const PROBES = [
  '/.env',
  '/.git/config',
  '/debug',
  '/admin',
  '/server-status',
  '/v1/admin',
  '/v1/debug',
  '/v1/internal',
  '/actuator/health',
  '/graphql',
  '/console',
  '/phpinfo.php',
  '/v2/releases',
  '/api/v1/releases',
];
/** Real routes written another way: a router that folds case or slashes answers where the spec says nothing. */
const VARIANTS = [
  '/V1/releases',
  '/v1/Releases',
  '/v1//releases',
  '/health/',
  '/HEALTH',
  '/openapi.json/',
  '/METRICS',
  '/v1/me/',
];

describe('route inventory', { tags: ['security', 'ops'], ...covers('security.route-inventory') }, () => {
  test('the app routes exactly the operations of /openapi.json and the routes API.md names beside it', async ({
    api,
    app,
  }) => {
    const spec = (await api.get<OpenApi>('/openapi.json')).body;
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routed = serverRoutes(app);
    expect(routed.filter((route) => !documented.includes(route) && !documentedOutsideSpec(route))).toEqual(
      [],
    );
    expect(documented.filter((route) => !routed.includes(route))).toEqual([]);
  });

  test('scanner probes and case or slash variants of real routes are 404, with a token or without', async ({
    api,
    admin,
  }) => {
    const answered: string[] = [];
    for (const path of [...PROBES, ...VARIANTS]) {
      for (const [who, client] of [
        ['anonymous', api],
        ['admin', api.as(admin)],
      ] as const) {
        const response = await client.get(path);
        if (response.status !== 404) answered.push(`${who} GET ${path} → ${response.status}`);
      }
    }
    expect(answered).toEqual([]);
  });

  test('/v1/releases/ is no hidden route: 401 or 404 without a token, 400 or 404 with one (API.md leaves trailing slashes open)', async ({
    api,
    admin,
  }) => {
    expect([401, 404]).toContain((await api.get('/v1/releases/')).status);
    expect([400, 404]).toContain((await api.as(admin).get('/v1/releases/')).status);
  });

  test('/metrics, /openapi.json and /docs answer without a token, as API.md documents', async ({ api }) => {
    const metrics = await api.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect((await api.get('/openapi.json')).status).toBe(200);
    expect([200, 301, 302]).toContain((await api.get('/docs')).status);
  });
});

describe('the route reader can fail', { tags: ['security', 'harness'] }, () => {
  test('a route hidden from the spec is listed, with its parameters in OpenAPI form', async ({
    onTestFinished,
  }) => {
    const planted = Fastify();
    onTestFinished(() => planted.close());
    planted.get('/v1/items/:id', { schema: { hide: true } }, async () => ({}));
    planted.post('/v1/items', async () => ({}));
    planted.get('/debug', async () => ({}));
    await planted.ready();
    expect(serverRoutes(planted)).toEqual(['GET /debug', 'GET /v1/items/{id}', 'POST /v1/items']);
  });
});
