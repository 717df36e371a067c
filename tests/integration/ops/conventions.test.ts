import { errorCatalogue } from '@soundcheck/api/http/errors.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('conventions every response follows', { tags: ['integration', 'ops'] }, () => {
  test('security headers and a request id on every response', async ({ api }) => {
    for (const path of ['/health', '/v1/does-not-exist']) {
      const { headers } = await api.get(path);
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'x-request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });

  test('a caller-supplied request id is echoed and put in problem bodies', async ({ api }) => {
    const response = await api.get('/v1/does-not-exist', { 'x-request-id': 'trace-abcdef123' });
    expect(response.headers['x-request-id']).toBe('trace-abcdef123');
    expect(response.body).toEqual({
      type: 'https://soundcheck.dev/problems/not-found',
      title: errorCatalogue.NOT_FOUND.title,
      status: 404,
      detail: 'No route for GET /v1/does-not-exist',
      code: 'NOT_FOUND',
      requestId: 'trace-abcdef123',
    });
  });

  test('/metrics exposes the request-duration histogram by route, method and status', async ({ api }) => {
    await api.get('/health');
    const metrics = await api.get<string>('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_count\{route="\/health",method="GET",status="200"\} \d+/,
    );
  });

  test('the OpenAPI document is 3.1 and lists every catalogue code', async ({ api }) => {
    const { body } = await api.get<{ openapi: string; info: { description: string } }>('/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    for (const [code, { status }] of Object.entries(errorCatalogue)) {
      expect(body.info.description).toContain(`| \`${code}\` | ${status} |`);
    }
  });
});
