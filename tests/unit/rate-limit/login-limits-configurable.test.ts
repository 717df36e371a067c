import { loadConfig } from '@soundcheck/api/config.ts';
import { ApiError } from '@soundcheck/api/http/errors.ts';
import { assertLoginAllowed, recordLoginFailure } from '@soundcheck/api/rate-limit/login-limiter.ts';
import { embeddedRedis } from '@soundcheck/api/redis.ts';
import { describe, expect, test } from 'vitest';

// A long black-box run (the fuzzer's login probes) needs more failures a minute than a real user gets.
describe('login failure limits are configurable', { tags: ['unit', 'rate-limit'] }, () => {
  test('the defaults stay 5 per account and IP, 20 per IP; LOGIN_FAILURES_PER_* change them', () => {
    expect(loadConfig({}).loginFailures).toEqual({ perAccount: 5, perIp: 20 });
    expect(
      loadConfig({ LOGIN_FAILURES_PER_ACCOUNT: '50', LOGIN_FAILURES_PER_IP: '500' }).loginFailures,
    ).toEqual({
      perAccount: 50,
      perIp: 500,
    });
    expect(() => loadConfig({ LOGIN_FAILURES_PER_IP: 'many' })).toThrow(/LOGIN_FAILURES_PER_IP/);
  });

  test('the configured per-account limit is the one enforced', async () => {
    const redis = embeddedRedis(`limits-${Math.random()}:`);
    const limits = { perAccount: 2, perIp: 100 };
    for (let failure = 0; failure < 2; failure += 1) {
      await assertLoginAllowed(redis, limits, 'a@example.com', '10.0.0.1');
      await recordLoginFailure(redis, 'a@example.com', '10.0.0.1');
    }
    const refused = await assertLoginAllowed(redis, limits, 'a@example.com', '10.0.0.1').catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    await expect(assertLoginAllowed(redis, limits, 'b@example.com', '10.0.0.1')).resolves.toBeUndefined();
  });
});
