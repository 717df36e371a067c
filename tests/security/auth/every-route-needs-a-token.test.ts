import { describe, expect, test } from '../../utils/test.ts';

/** API.md: these answer without a token; every other operation in the OpenAPI spec needs one. */
const publicOperations = new Set([
  'GET /health',
  'GET /ready',
  'POST /v1/auth/login',
  'POST /v1/auth/refresh',
  'POST /v1/partner-callbacks/{partnerId}',
]);

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** Any syntactically valid value: the token is checked before the path names anything real. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '0190a0a0-0000-7000-8000-000000000000');

describe('every route outside the public list needs a token', { tags: ['security', 'auth'] }, () => {
  test('each operation of /openapi.json but the public ones answers 401 with www-authenticate when sent no token', async ({
    api,
  }) => {
    const spec = (await api.get<OpenApi>('/openapi.json')).body;
    const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => methods.has(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
    const guarded = operations.filter(({ method, path }) => !publicOperations.has(`${method} ${path}`));
    // The public list is not a way around the check: each of its entries is a real operation.
    for (const operation of publicOperations) {
      expect(operations.map(({ method, path }) => `${method} ${path}`)).toContain(operation);
    }
    expect(guarded.length).toBeGreaterThan(30);
    const open: string[] = [];
    for (const { method, path } of guarded) {
      const response = await api.request({ method, path: concrete(path) });
      if (response.status !== 401 || !/^Bearer/.test(response.headers['www-authenticate'] ?? ''))
        open.push(`${method} ${path} → ${response.status}`);
    }
    expect(open).toEqual([]);
  });
});
