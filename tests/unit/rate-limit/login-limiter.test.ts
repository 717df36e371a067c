import { ApiError } from '@soundcheck/api/http/errors.ts';
import { assertLoginAllowed, recordLoginFailure } from '@soundcheck/api/rate-limit/login-limiter.ts';
import { embeddedRedis, type RedisClient } from '@soundcheck/api/redis.ts';
import { describe, expect, test } from 'vitest';
import { downRedis } from './down-redis.ts';

const limits = { perAccount: 3, perIp: 5 };
const fresh = () => embeddedRedis(`login-${Math.random()}:`);
const refusalOf = (check: Promise<void>) =>
  check.then(
    () => 'allowed' as const,
    (error: unknown) => error,
  );

async function fail(redis: RedisClient, times: number, email: string, ip: string): Promise<void> {
  for (let i = 0; i < times; i++) await recordLoginFailure(redis, email, ip);
}

describe('the login failure limiter', { tags: ['unit', 'rate-limit'] }, () => {
  test('a pair may fail perAccount - 1 times and still try; the perAccount-th failure locks it', async () => {
    const redis = fresh();
    await fail(redis, limits.perAccount - 1, 'a@example.com', '10.0.0.1');
    expect(await refusalOf(assertLoginAllowed(redis, limits, 'a@example.com', '10.0.0.1'))).toBe('allowed');
    await fail(redis, 1, 'a@example.com', '10.0.0.1');
    const refused = await refusalOf(assertLoginAllowed(redis, limits, 'a@example.com', '10.0.0.1'));
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const retry = (refused as ApiError).headers['retry-after'];
    // The window is one minute from the first failure.
    expect(Number(retry)).toBeGreaterThan(50);
    expect(Number(retry)).toBeLessThanOrEqual(60);
    expect((refused as ApiError).message).toBe(`Too many failed sign-ins; retry in ${retry} s`);
  });

  test('the pair is the e-mail in any case: changing its case buys no fresh attempts', async () => {
    const redis = fresh();
    await fail(redis, limits.perAccount, 'Someone@Example.COM', '10.0.0.1');
    expect(
      await refusalOf(assertLoginAllowed(redis, limits, 'someone@example.com', '10.0.0.1')),
    ).toMatchObject({
      code: 'RATE_LIMITED',
    });
    // Another IP is another pair (its own IP has no failures).
    expect(await refusalOf(assertLoginAllowed(redis, limits, 'someone@example.com', '10.0.0.2'))).toBe(
      'allowed',
    );
  });

  test('the pair folds case as accounts do (lower case): straße and strasse are two accounts', async () => {
    const redis = fresh();
    await fail(redis, limits.perAccount, 'straße@example.com', '10.0.0.7');
    // Upper-casing would fold both to STRASSE and lock an account that never failed.
    expect(await refusalOf(assertLoginAllowed(redis, limits, 'strasse@example.com', '10.0.0.7'))).toBe(
      'allowed',
    );
    expect(
      await refusalOf(assertLoginAllowed(redis, limits, 'STRAßE@example.com', '10.0.0.7')),
    ).toMatchObject({ code: 'RATE_LIMITED' });
  });

  test('Redis never holds the address people typed: the pair key carries a 32-digit hash of it', async () => {
    const redis = fresh();
    await recordLoginFailure(redis, 'Private.Person@example.com', '10.0.0.9');
    const keys = (await redis.keys('*')).map((key) => key.replace(/^login-[^:]*:/, '')).sort();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe('login:ip:10.0.0.9');
    expect(keys[1]).toMatch(/^login:pair:[0-9a-f]{32}:10\.0\.0\.9$/);
  });

  test('failures spread over accounts lock the IP at perIp, for every account; other IPs stay open', async () => {
    const redis = fresh();
    for (let i = 0; i < limits.perIp - 1; i++) await fail(redis, 1, `user${i}@example.com`, '10.0.0.3');
    expect(await refusalOf(assertLoginAllowed(redis, limits, 'new@example.com', '10.0.0.3'))).toBe('allowed');
    await fail(redis, 1, 'last@example.com', '10.0.0.3');
    expect(await refusalOf(assertLoginAllowed(redis, limits, 'new@example.com', '10.0.0.3'))).toMatchObject({
      code: 'RATE_LIMITED',
      headers: { 'retry-after': expect.stringMatching(/^([1-9]|[1-5]\d|60)$/) },
    });
    expect(await refusalOf(assertLoginAllowed(redis, limits, 'new@example.com', '10.0.0.4'))).toBe('allowed');
  });

  test('without Redis, sign-in fails closed: 503 with retry-after 5, both to check and to count', async () => {
    // A real client whose server is gone (the stand-in threw from methods the limiter no longer calls).
    const down = downRedis();
    const unavailable = {
      code: 'SERVICE_UNAVAILABLE',
      status: 503,
      message: 'Sign-in is unavailable for a moment; try again shortly',
      headers: { 'retry-after': '5' },
    };
    expect(await refusalOf(assertLoginAllowed(down, limits, 'a@example.com', '10.0.0.1'))).toMatchObject(
      unavailable,
    );
    expect(await refusalOf(recordLoginFailure(down, 'a@example.com', '10.0.0.1'))).toMatchObject(unavailable);
    down.disconnect();
  });
});
