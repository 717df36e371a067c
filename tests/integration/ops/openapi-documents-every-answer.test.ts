import { readDocument, type Schema } from 'soundcheck/fuzz/spec.ts';
import { conforms } from 'soundcheck/fuzz/validity.ts';
import { describe, expect, test } from '../../utils/test.ts';

// Regressions found by the schema-driven fuzzer: the spec documented only the success of each operation,
// so every 4xx was "undocumented"; `limit` was required although it defaults to 25; a logout and an
// account deletion answered 204 where the spec said 200; uploads had no documented body at all.
describe('the OpenAPI spec documents every answer the API gives', { tags: ['integration', 'ops'] }, () => {
  test('every operation documents its 4xx and 503 as problem details, and the schema fits a real error', async ({
    api,
    app,
  }) => {
    expect(app).toBeDefined();
    const spec = (await api.get('/openapi.json')).body as { components: { schemas: Record<string, Schema> } };
    const document = readDocument('/openapi.json', spec);
    const missing = document.operations.filter(
      (op) => !op.responses['4XX']?.content['application/problem+json'] || !op.responses['503'],
    );
    expect(missing.map((op) => op.id)).toEqual([]);
    const unauthenticated = await api.get('/v1/me');
    expect(unauthenticated.status).toBe(401);
    expect(conforms(spec.components.schemas.Problem ?? {}, unauthenticated.body)).toBe(true);
  });

  test('a query parameter with a default is optional', async ({ api, app }) => {
    expect(app).toBeDefined();
    const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
    const limit = operations
      .find((op) => op.id === 'GET /v1/releases')
      ?.parameters.find((p) => p.name === 'limit');
    expect(limit).toMatchObject({ required: false, schema: { default: 25 } });
  });

  test('a logout and an account deletion document the 204 they answer; uploads document their media types', async ({
    api,
    app,
  }) => {
    expect(app).toBeDefined();
    const { operations } = readDocument('/openapi.json', (await api.get('/openapi.json')).body);
    const byId = new Map(operations.map((op) => [op.id, op]));
    expect(Object.keys(byId.get('POST /v1/auth/logout')?.responses ?? {})).toContain('204');
    expect(Object.keys(byId.get('DELETE /v1/users/{id}')?.responses ?? {})).toContain('204');
    expect(byId.get('PUT /v1/releases/{id}/artwork')?.body).toMatchObject({
      required: true,
      mediaType: 'image/png',
    });
    expect(byId.get('PUT /v1/releases/{id}/tracks/{trackId}/audio')?.body).toMatchObject({
      mediaType: 'audio/wav',
    });
  });
});
