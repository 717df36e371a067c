import { TEST_POOL_SIZE } from '../../utils/database.ts';
import { describe, expect, test } from '../../utils/test.ts';

describe('a database pool with no free connection', {
  tags: ['integration', 'delivery', 'database', 'slow'],
}, () => {
  test('GET /v1/deliveries answers 503 with retry-after, not 500, while every connection is busy', async ({
    api,
    admin,
    db,
    skip,
  }) => {
    if (db.backend !== 'postgres') skip('needs PostgreSQL: PGlite has no connection pool');
    // Keep every connection of the test app's pool busy longer than its 5 s connection timeout.
    const busy = Array.from({ length: TEST_POOL_SIZE }, () => db.query('select pg_sleep(6.5)'));
    const answer = await api.as(admin).get<{ code: string }>('/v1/deliveries');
    await Promise.all(busy);
    expect(answer.status).toBe(503);
    expect(answer.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(answer.headers['retry-after']).toBe('5');
    expect((await api.as(admin).get('/v1/deliveries')).status).toBe(200);
  });
});
