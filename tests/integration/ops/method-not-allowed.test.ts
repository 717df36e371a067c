import { randomUUID } from 'node:crypto';
import { describe, expect, test } from '../../utils/test.ts';

// Regression found by the fuzzer's unsupported-method check: a method a path does not have was 404, as if
// the path did not exist, and said nothing of the methods it does have (RFC 9110 §15.5.6).
describe('a method a path does not have', { tags: ['integration', 'ops'] }, () => {
  test('is 405 METHOD_NOT_ALLOWED with Allow naming the methods it has', async ({ api, admin }) => {
    const put = await api.as(admin).put(`/v1/partners/${randomUUID()}`, {});
    expect(put.status).toBe(405);
    expect(put.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(put.headers.allow?.split(', ')).toEqual(expect.arrayContaining(['GET', 'PATCH']));
    const get = await api.get('/v1/auth/login');
    expect(get.status).toBe(405);
    expect(get.headers.allow?.split(', ')).toContain('POST');
  });

  test('a path that does not exist stays 404, trailing slash and case variants included', async ({
    api,
    admin,
  }) => {
    for (const path of ['/v1/nothing-here', '/v1/labels/', '/V1/labels', '/v1/Labels']) {
      const response = await api.as(admin).put(path, {});
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });
});
