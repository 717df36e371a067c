import { describe, expect, test } from '../../utils/test.ts';

describe('operations endpoints', { tags: ['integration', 'ops'] }, () => {
  test('GET /health answers ok', async ({ api }) => {
    const response = await api.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  test('GET /ready checks every dependency', async ({ api }) => {
    const response = await api.get('/ready');
    expect(response).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', redis: 'ok', storage: 'ok' } },
    });
  });
});
