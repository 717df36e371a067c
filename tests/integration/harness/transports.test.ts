import { createApiClient, fetchTransport } from 'soundcheck/client/http-client.ts';
import { bareEnv, startApiProcess } from '../../utils/api-process.ts';
import { processTestTimeout } from '../../utils/child.ts';
import { describe, expect, test } from '../../utils/test.ts';

const comparable = (response: { status: number; headers: Record<string, string>; body: unknown }) => ({
  status: response.status,
  contentType: response.headers['content-type'],
  body: response.body,
});

describe('one client for in-process and black-box runs', {
  tags: ['integration', 'harness', 'slow'],
  timeout: processTestTimeout(),
}, () => {
  test('inject and real HTTP give the same answers', async ({ api }) => {
    const server = await startApiProcess(bareEnv());
    try {
      const remote = createApiClient(fetchTransport(server.url));
      for (const path of ['/health', '/ready']) {
        expect(comparable(await remote.get(path))).toEqual(comparable(await api.get(path)));
      }
      const missing = [await remote.get('/v1/nothing-here'), await api.get('/v1/nothing-here')];
      expect(
        missing.map((response) => ({
          ...comparable(response),
          body: { ...(response.body as object), requestId: 'x' },
        })),
      ).toEqual([
        {
          status: 404,
          contentType: 'application/problem+json; charset=utf-8',
          body: expect.objectContaining({ code: 'NOT_FOUND', requestId: 'x' }),
        },
        {
          status: 404,
          contentType: 'application/problem+json; charset=utf-8',
          body: expect.objectContaining({ code: 'NOT_FOUND', requestId: 'x' }),
        },
      ]);
    } finally {
      await server.stop();
    }
  });
});
