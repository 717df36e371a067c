import { bareEnv, startApiProcess } from '../../utils/api-process.ts';
import { processTestTimeout } from '../../utils/child.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('bodies the API refuses', { tags: ['integration', 'ops'] }, () => {
  test('a body over the limit gets a 413 the client can read, every time, over a real socket', {
    timeout: processTestTimeout(),
  }, async () => {
    const server = await startApiProcess(bareEnv());
    try {
      const body = JSON.stringify({ email: 'someone@example.test', password: 'x'.repeat(8_000_000) });
      const outcomes: string[] = [];
      for (let attempt = 0; attempt < 8; attempt++) {
        try {
          const response = await fetch(`${server.url}/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          outcomes.push(`${response.status} ${((await response.json()) as { code: string }).code}`);
        } catch (error) {
          outcomes.push(`broken: ${(error as { cause?: Error }).cause?.message ?? (error as Error).message}`);
        }
      }
      expect(outcomes).toEqual(Array(8).fill('413 PAYLOAD_TOO_LARGE'));
    } finally {
      await server.stop();
    }
  });

  test('a text/plain body is an unsupported media type', async ({ api }) => {
    const response = await api.request({
      method: 'POST',
      path: '/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a&password=b',
    });
    expect([response.status, (response.body as { code: string }).code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
  });

  test('malformed JSON is a 400 naming the problem, never a 500', async ({ api }) => {
    const response = await api.request({
      method: 'POST',
      path: '/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'The body is not valid JSON' });
  });
});
